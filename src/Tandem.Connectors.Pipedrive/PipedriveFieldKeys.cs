namespace Tandem.Connectors.Pipedrive;

/// <summary>The Pipedrive-only field keys (the shared ones are in <see cref="Domain.Fields.StandardFieldKeys"/>).</summary>
public static class PipedriveFieldKeys
{
    /// <summary>The person's owner (<c>owner_id</c>), a Pipedrive user id.</summary>
    public const string Owner = "owner";

    /// <summary>
    /// The person's deals, open and closed (<c>open_deals_count</c> + <c>closed_deals_count</c>), read-only: "has no
    /// deals" is this field equal to 0.
    /// </summary>
    public const string DealsCount = "deals_count";

    /// <summary>Prefix of custom fields, followed by the field's 40-character hash key.</summary>
    public const string CustomPrefix = "custom.";
}
