using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// The portal's contact properties (<c>GET /crm/v3/properties/contacts</c>) as Tandem fields: the ones behind the standard
/// keys, and every other property keyed <c>property.&lt;name&gt;</c> with its type (enumerations as choice fields, a
/// <c>checkbox</c> enumeration as multiple choice, <c>hubspot_owner_id</c> as the owner) and options.
/// </summary>
internal sealed class PropertyDirectory
{
    /// <summary>The properties behind the standard keys, read with every contact.</summary>
    public static readonly string[] Standard =
    [
        "email", "hs_additional_emails", "firstname", "lastname", "phone", "mobilephone", "company", "jobtitle",
        "address", "city", "state", "zip", "country", "website", "message", "date_of_birth", "hubspot_owner_id",
        "hs_email_optout", "lastmodifieddate", "createdate", "hs_merged_object_ids",
    ];

    private readonly Dictionary<string, PortalProperty> byName;

    private PropertyDirectory(IEnumerable<PortalProperty> properties, IReadOnlyList<string> optOuts)
    {
        byName = properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        OptOuts = optOuts;
    }

    /// <summary>The other properties, as fields.</summary>
    public IEnumerable<PortalProperty> Others => byName.Values.Where(p => !Standard.Contains(p.Name, StringComparer.Ordinal)).OrderBy(p => p.Name, StringComparer.Ordinal);

    /// <summary>The per-subscription opt-out properties (<c>hs_email_optout_&lt;id&gt;</c>), read as unsubscribes.</summary>
    public IReadOnlyList<string> OptOuts { get; }

    /// <summary>Every property name a read asks for.</summary>
    public IReadOnlyList<string> ReadNames => [.. Standard, .. OptOuts, .. Others.Select(p => p.Name)];

    public PortalProperty? Find(string name) => byName.GetValueOrDefault(name);

    public static async Task<PropertyDirectory> LoadAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var answer = await client.GetAsync("crm/v3/properties/contacts", cancellationToken).ConfigureAwait(false);
        var properties = new List<PortalProperty>();
        var optOuts = new List<string>();
        foreach (var property in Json.Items(answer, "results"))
        {
            if (Json.Text(property, "name") is not { } name || property["hidden"]?.GetValue<bool>() == true || property["calculated"]?.GetValue<bool>() == true)
            {
                continue;
            }

            if (name.StartsWith("hs_email_optout_", StringComparison.Ordinal))
            {
                optOuts.Add(name);
                continue;
            }

            properties.Add(Read(name, property));
        }

        return new PropertyDirectory(properties, optOuts);
    }

    /// <summary>The Tandem type of a HubSpot property (NOTES.md §4: <c>type</c> and <c>fieldType</c>).</summary>
    public static FieldType TypeOf(string type, string? fieldType, bool referencesOwners) => (type, fieldType) switch
    {
        ("enumeration", _) when referencesOwners => FieldType.OwnerReference,
        ("enumeration", "checkbox") => FieldType.MultipleChoice,
        ("enumeration", "booleancheckbox") or ("bool", _) => FieldType.Boolean,
        ("enumeration", _) => FieldType.SingleChoice,
        ("number", _) => FieldType.Number,
        ("date", _) => FieldType.Date,
        ("datetime", _) => FieldType.DateTime,
        ("phone_number", _) or (_, "phonenumber") => FieldType.Phone,
        _ => FieldType.Text,
    };

    private static PortalProperty Read(string name, JsonObject property)
    {
        var owners = Json.Text(property, "referencedObjectType") == "OWNER" || name == "hubspot_owner_id";
        var type = TypeOf(Json.Text(property, "type") ?? "string", Json.Text(property, "fieldType"), owners);
        return new PortalProperty(name, Json.Text(property, "label") ?? name, type)
        {
            IsReadOnly = (property["modificationMetadata"] as JsonObject)?["readOnlyValue"]?.GetValue<bool>() == true,
            IsCustom = property["hubspotDefined"]?.GetValue<bool>() != true,
            Options = type is FieldType.SingleChoice or FieldType.MultipleChoice
                ? [.. Json.Items(property, "options").Where(o => o["hidden"]?.GetValue<bool>() != true).Select(o => (Json.Text(o, "value") ?? string.Empty, Json.Text(o, "label") ?? string.Empty)).Where(o => o.Item1.Length > 0)]
                : [],
        };
    }
}
