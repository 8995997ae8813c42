using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Connectors.Http;

/// <summary>
/// The one set of readers of vendor JSON every connector uses: missing, null and wrongly typed properties read as
/// null instead of throwing, so a malformed answer fails one field, not the run.
/// </summary>
public static class JsonFields
{
    /// <summary>A non-blank string property.</summary>
    public static string? Text(JsonObject? item, string property) => Text(item?[property]);

    /// <summary>A non-blank string.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <summary>An integer property, written as a number or as a numeric string.</summary>
    public static int? Int(JsonObject? item, string property) => Int(item?[property]);

    /// <summary>An integer, written as a number or as a numeric string.</summary>
    public static int? Int(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<int>(out var n) ? n
        : value.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue ? (int)l
        : value.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null
        : null;

    /// <summary>A number or numeric string as invariant text.</summary>
    public static string? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var x) => x.ToString("R", CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => s,
        _ => null,
    };

    /// <summary>The objects of an array property (other items skipped); empty when it is missing.</summary>
    public static IEnumerable<JsonObject> Items(JsonObject? item, string property) => (item?[property] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>An ISO 8601 time with an offset (a zone-less one counts as UTC), as UTC.</summary>
    public static DateTimeOffset? Time(JsonObject? item, string property) =>
        Text(item, property) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
}
