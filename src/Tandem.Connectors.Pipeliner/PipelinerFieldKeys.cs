namespace Tandem.Connectors.Pipeliner;

/// <summary>
/// The Pipeliner-only field keys (the shared ones are in <see cref="Domain.Fields.StandardFieldKeys"/>); custom fields
/// keep their <c>cf_</c> api names as keys.
/// </summary>
public static class PipelinerFieldKeys
{
    /// <summary>The contact's owner (<c>owner_id</c>), a Pipeliner user (Client) id.</summary>
    public const string Owner = "owner";

    /// <summary>The contact's sales unit (<c>unit_id</c>), held as the unit's name.</summary>
    public const string SalesUnit = "salesUnit";

    /// <summary>The salutation (<c>title</c>: Mr, Ms, Dr); the job title is <c>position</c>.</summary>
    public const string Salutation = "salutation";

    public const string MiddleName = "name.middle";

    /// <summary>The prefix of custom fields' api names.</summary>
    public const string CustomPrefix = "cf_";
}
