using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>Small readers of Mailchimp JSON that tolerate missing and null properties.</summary>
internal static class Json
{
    public static string? Text(JsonObject? item, string property) => Text(item?[property]);

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    public static int? Int(JsonObject? item, string property) =>
        item?[property] is JsonValue value && value.TryGetValue<int>(out var n) ? n : null;

    /// <summary>A number or numeric string as invariant text.</summary>
    public static string? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var x) => x.ToString("R", CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => s,
        _ => null,
    };

    public static IEnumerable<JsonObject> Items(JsonObject? item, string property) => (item?[property] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>Mailchimp's times (ISO 8601 with an offset).</summary>
    public static DateTimeOffset? Time(JsonObject? item, string property) =>
        Text(item, property) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    /// <summary>A time as Mailchimp's query parameters take it.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
