using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// The portal's contact properties: HubSpot's own (the ones a sync meets, with their real names, types and field types)
/// and custom ones of every type, and the checks HubSpot makes of a value written to each (an unknown property, a
/// read-only one, an option that does not exist, a number, a date at midnight UTC, an email).
/// </summary>
internal sealed class PropertyCatalog
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StoredProperty> properties = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    public PropertyCatalog(TimeProvider time, IEnumerable<string> subscriptionIds)
    {
        this.time = time;
        var at = time.GetUtcNow().AddYears(-2);
        foreach (var property in HubSpotDemoData.StandardProperties(at).Concat(HubSpotDemoData.CustomProperties(at)))
        {
            properties[property.Name] = property;
        }

        // HubSpot keeps one opt-out property per subscription type, set when the contact unsubscribes from it.
        foreach (var id in subscriptionIds)
        {
            properties["hs_email_optout_" + id] = new StoredProperty("hs_email_optout_" + id, "Opted out of email: " + id, "enumeration", "booleancheckbox", "emailinformation")
            {
                HubspotDefined = true,
                ReadOnlyValue = true,
                Options = [("True", "true"), ("False", "false")],
                CreatedAt = at,
            };
        }
    }

    public IReadOnlyList<StoredProperty> All()
    {
        lock (gate)
        {
            return [.. properties.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];
        }
    }

    public StoredProperty? Find(string name)
    {
        lock (gate)
        {
            return properties.GetValueOrDefault(name);
        }
    }

    /// <summary>Creates a custom property from a <c>PropertyCreate</c> body; 409 when the name is taken.</summary>
    public StoredProperty Create(JsonObject body)
    {
        var name = Text(body, "name") ?? throw HubSpotApiException.Invalid("Property name is required.");
        var label = Text(body, "label") ?? throw HubSpotApiException.Invalid("Property label is required.");
        var type = Text(body, "type") ?? throw HubSpotApiException.Invalid("Property type is required.");
        var fieldType = Text(body, "fieldType") ?? throw HubSpotApiException.Invalid("Property fieldType is required.");
        var group = Text(body, "groupName") ?? throw HubSpotApiException.Invalid("Property groupName is required.");
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') || !char.IsAsciiLetterLower(name[0]))
        {
            throw HubSpotApiException.Invalid($"Property name '{name}' is invalid: it must start with a lowercase letter and hold only lowercase letters, digits and underscores.");
        }

        if (!Fits(type, fieldType))
        {
            throw HubSpotApiException.Invalid($"Property type '{type}' does not allow fieldType '{fieldType}'.");
        }

        var options = (body["options"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(o => (Label: Text(o, "label") ?? string.Empty, Value: Text(o, "value") ?? string.Empty)).ToList();
        if (type == "enumeration" && (options.Count == 0 || options.Any(o => o.Value.Length == 0 || o.Label.Length == 0)))
        {
            throw HubSpotApiException.Invalid("An enumeration property needs options, each with a label and a value.");
        }

        var property = new StoredProperty(name, label, type, fieldType, group) { Options = options, CreatedAt = time.GetUtcNow() };
        lock (gate)
        {
            if (!properties.TryAdd(name, property))
            {
                throw new HubSpotApiException(409, "OBJECT_ALREADY_EXISTS", $"A property named '{name}' already exists.");
            }
        }

        return property;
    }

    /// <summary>
    /// The value HubSpot stores for a write of <paramref name="raw"/> to <paramref name="name"/> (an empty string clears),
    /// or the reason it is refused, in HubSpot's words (<c>PROPERTY_DOESNT_EXIST</c>, <c>INVALID_OPTION</c>, …).
    /// </summary>
    public (string? Value, string? Error) Normalize(string name, string raw, Func<string, bool> isOwner)
    {
        if (Find(name) is not { } property)
        {
            return (null, $"Property \"{name}\" does not exist");
        }

        if (property.ReadOnlyValue)
        {
            return (null, $"\"{name}\" is a read only property; its value cannot be set.");
        }

        if (raw.Length == 0)
        {
            return (string.Empty, null);
        }

        return property switch
        {
            { ReferencedObjectType: "OWNER" } => isOwner(raw) ? (raw, null) : (null, $"{raw} is not a valid owner id"),
            { Type: "enumeration", FieldType: "checkbox" } => Choices(property, raw.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            { Type: "enumeration" } or { Type: "bool" } => Choices(property, [raw]),
            { Type: "number" } => decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? (n.ToString(CultureInfo.InvariantCulture), null) : (null, $"{raw} was not a valid number."),
            { Type: "date" } => HubSpotValues.Date(raw) is { } date ? (date, null) : (null, $"{raw} is at a time other than midnight UTC or not a date."),
            { Type: "datetime" } => HubSpotValues.DateTime(raw) is { } at ? (at, null) : (null, $"{raw} was not a valid long or ISO 8601 date."),
            { Name: "email" } => raw.Contains('@', StringComparison.Ordinal) && !raw.Contains(' ', StringComparison.Ordinal) ? (raw.ToLowerInvariant(), null) : (null, $"Email address {raw} is invalid"),
            _ => (raw, null),
        };
    }

    private static (string? Value, string? Error) Choices(StoredProperty property, IEnumerable<string> values)
    {
        var chosen = new List<string>();
        foreach (var value in values)
        {
            var option = property.Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.OrdinalIgnoreCase));
            if (option.Value is null)
            {
                return (null, $"{value} was not one of the allowed options: [{string.Join(", ", property.Options.Select(o => o.Value))}]");
            }

            chosen.Add(option.Value);
        }

        return (string.Join(';', chosen), null);
    }

    private static bool Fits(string type, string fieldType) => type switch
    {
        "string" => fieldType is "text" or "textarea" or "html" or "file" or "phonenumber",
        "phone_number" => fieldType is "phonenumber",
        "number" => fieldType is "number" or "calculation_equation",
        "date" or "datetime" => fieldType is "date",
        "bool" => fieldType is "booleancheckbox",
        "enumeration" => fieldType is "select" or "radio" or "checkbox" or "booleancheckbox",
        _ => false,
    };

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
