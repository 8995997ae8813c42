using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Wooxy.Internal;

/// <summary>
/// Canonical values as Wooxy's contact JSON: one email and one phone (a list's primary entry), dates as YYYY-MM-DD,
/// date-times as <c>YYYY-MM-DD HH:MM:SS</c> UTC, custom fields in <c>variables</c>. An empty value is written as an
/// empty string, which clears it in Wooxy; "ignore empty values" keeps the engine from sending one at all.
/// </summary>
internal static class ContactBody
{
    /// <summary>Writes <paramref name="values"/> (field key → value, null to clear) into <paramref name="body"/>; the reason when one cannot be written.</summary>
    public static string? Write(JsonObject body, IEnumerable<KeyValuePair<string, FieldValue?>> values, AppSchema schema)
    {
        var variables = new JsonArray();
        foreach (var (key, value) in values)
        {
            if (key.StartsWith(WooxySchema.VariablePrefix, StringComparison.Ordinal))
            {
                if (Text(value, schema.Find(key)?.Type ?? FieldType.Text, out var text) is { } problem)
                {
                    return $"{schema.Find(key)?.Label ?? key}: {problem}";
                }

                variables.Add(new JsonObject { ["name"] = key[WooxySchema.VariablePrefix.Length..], ["value"] = text ?? string.Empty });
                continue;
            }

            var property = WooxySchema.Properties.FirstOrDefault(p => p.Key == key);
            if (property.Property is null)
            {
                continue;
            }

            if (Text(value, property.Type, out var written) is { } refused)
            {
                return $"{property.Label}: {refused}";
            }

            body[property.Property] = property.Type == FieldType.Number && written is not null
                ? JsonValue.Create(decimal.Parse(written, CultureInfo.InvariantCulture))
                : written ?? string.Empty;
        }

        if (variables.Count > 0)
        {
            body["variables"] = variables;
        }

        return null;
    }

    /// <summary>The identifiers a body gives the contact.</summary>
    public static ContactIds IdsOf(JsonObject body) => new(Text(body, "email"), Text(body, "phoneNumber"), Text(body, "userId"));

    private static string? Text(FieldValue? value, FieldType type, out string? text)
    {
        var scalar = value switch
        {
            ListValue list => list.Primary,
            ScalarValue single => single,
            _ => null,
        };
        text = null;
        if (scalar is null)
        {
            return null;
        }

        switch (type)
        {
            case FieldType.Date when PartialDate.TryParse(scalar.Text, out var date):
                if (date.Year is not { } year)
                {
                    return "Wooxy keeps dates with a year only.";
                }

                text = new DateOnly(year, date.Month, date.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return null;
            case FieldType.DateTime when DateTimeOffset.TryParse(scalar.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at):
                text = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                return null;
            case FieldType.Boolean:
                text = scalar.Text is "true" or "false" ? scalar.Text : null;
                return text is null ? "Wooxy keeps yes or no here." : null;
            default:
                text = scalar.Text;
                return null;
        }
    }

    private static string? Text(JsonObject body, string property) =>
        body[property] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
