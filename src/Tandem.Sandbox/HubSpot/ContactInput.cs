using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.HubSpot;

/// <summary>Reads the <c>properties</c> of a write and checks each value against its property, as HubSpot does before writing.</summary>
internal sealed class ContactInput(PropertyCatalog catalog)
{
    /// <summary>The values to store, or the refusal (HubSpot's "Property values were not valid" with each bad property).</summary>
    public Dictionary<string, string> Read(JsonObject? input)
    {
        var properties = input?["properties"] as JsonObject ?? [];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, node) in properties)
        {
            var raw = node switch
            {
                null => string.Empty,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
                JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
                _ => node.ToJsonString(),
            };
            var (value, error) = catalog.Normalize(name, raw, id => HubSpotDemoData.Owners.Any(o => o.Id == id));
            if (error is not null)
            {
                problems.Add(error);
            }
            else
            {
                values[name] = value!;
            }
        }

        if (problems.Count > 0)
        {
            throw HubSpotApiException.Invalid("Property values were not valid: " + string.Join("; ", problems));
        }

        return values;
    }

    /// <summary>The property names a read asks for: a comma-separated query value or a JSON array.</summary>
    public static IReadOnlyCollection<string> Names(string? query) =>
        (query ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyCollection<string> Names(JsonNode? array) =>
        (array as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>().ToList();

    public static long? Id(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
