using System.Text.Json.Nodes;

namespace Tandem.Sandbox.HubSpot;

/// <summary>One contact property definition (the specs' <c>Property</c>): its type, how it is shown, its options.</summary>
internal sealed record StoredProperty(string Name, string Label, string Type, string FieldType, string GroupName)
{
    public bool HubspotDefined { get; init; }

    /// <summary>Set by HubSpot alone (<c>modificationMetadata.readOnlyValue</c>): a write naming it is refused.</summary>
    public bool ReadOnlyValue { get; init; }

    public IReadOnlyList<(string Label, string Value)> Options { get; init; } = [];

    /// <summary>An <c>enumeration</c> whose options are HubSpot's own records (<c>hubspot_owner_id</c>: owners).</summary>
    public string? ReferencedObjectType { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public JsonObject Render()
    {
        var options = new JsonArray();
        var order = 0;
        foreach (var (label, value) in Options)
        {
            options.Add(new JsonObject { ["label"] = label, ["value"] = value, ["displayOrder"] = order++, ["hidden"] = false });
        }

        var rendered = new JsonObject
        {
            ["name"] = Name,
            ["label"] = Label,
            ["type"] = Type,
            ["fieldType"] = FieldType,
            ["description"] = string.Empty,
            ["groupName"] = GroupName,
            ["options"] = options,
            ["displayOrder"] = -1,
            ["calculated"] = false,
            ["externalOptions"] = ReferencedObjectType is not null,
            ["hasUniqueValue"] = false,
            ["hidden"] = false,
            ["hubspotDefined"] = HubspotDefined,
            ["formField"] = !ReadOnlyValue,
            ["createdAt"] = CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["archived"] = false,
            ["modificationMetadata"] = new JsonObject
            {
                ["archivable"] = !HubspotDefined,
                ["readOnlyDefinition"] = HubspotDefined,
                ["readOnlyValue"] = ReadOnlyValue,
            },
        };
        if (ReferencedObjectType is { } referenced)
        {
            rendered["referencedObjectType"] = referenced;
        }

        return rendered;
    }
}
