namespace Tandem.Connectors.Pipedrive;

/// <summary>The Pipedrive-only field keys (the shared ones are in <see cref="Domain.Fields.StandardFieldKeys"/>).</summary>
public static class PipedriveFieldKeys
{
    /// <summary>The person's owner (<c>owner_id</c>), a Pipedrive user id.</summary>
    public const string Owner = "owner";

    /// <summary>Prefix of custom fields, followed by the field's 40-character hash key.</summary>
    public const string CustomPrefix = "custom.";
}
