using System.Text.Json;

namespace Tandem.Web.Services.Status;

/// <summary>Reads the field-level before/after the engine records with an update (<c>[{ field, before, after }]</c>).</summary>
internal static class FieldChanges
{
    public static IReadOnlyList<FieldChange> Of(JsonElement? details)
    {
        if (details is not { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        return array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("field", out _))
            .Select(e => new FieldChange(Text(e, "field") ?? "?", Text(e, "before"), Text(e, "after")))
            .ToList();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Readable(value.GetString()!) : null;

    // Canonical values join parts and list entries with control characters; show them as commas and spaces.
    private static string Readable(string canonical) => canonical.Replace('\u001E', ',').Replace('\u001F', ' ');
}
