using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// A value sent for one person field, as Workbooks takes it (client library README, "Datatypes"): booleans from
/// "true", "t", "on", "1", "yes", "y"; dates as <c>%e %b %Y</c> or ISO; currencies "value CODE flags"; picklist values
/// from their picklist; tag arrays comma-and-space separated. Returns the stored value, or the error Workbooks reports.
/// </summary>
internal static class PersonValues
{
    public const string NoValue = ":no_value:";
    public const string NullValue = ":null_value:";

    private static readonly string[] Truthy = ["true", "t", "on", "1", "yes", "y"];

    public static (JsonNode? Value, string? Error) Parse(PersonField field, string raw, PersonFieldCatalog catalog)
    {
        if (raw == NullValue)
        {
            return (null, null);
        }

        var text = raw.Trim();
        switch (field.Datatype)
        {
            case "boolean":
                return (Truthy.Contains(text, StringComparer.OrdinalIgnoreCase), null);
            case "integer":
                return text.Length == 0 ? (null, null)
                    : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? (number, null)
                    : (null, $"{field.Title} is not a number");
            case "decimal":
                return text.Length == 0 ? (null, null)
                    : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? (d.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"{field.Title} is not a number");
            case "date":
                return text.Length == 0 ? (null, null)
                    : WorkbooksFormats.ParseDate(text) is { } date ? (WorkbooksFormats.Date(date), null)
                    : (null, $"{field.Title} '{text}' is not a valid date");
            case "currency":
                return text.Length == 0 ? (null, null) : Currency(field, text);
            case "picklist_data":
                return text.Length == 0 ? (null, null)
                    : catalog.Picklists[field.PicklistId!.Value].Entries.FirstOrDefault(e => string.Equals(e, text, StringComparison.OrdinalIgnoreCase)) is { } entry ? (entry, null)
                    : (null, $"{field.Title} '{text}' is not included in the list");
            case "email":
                return text.Length == 0 || (text.IndexOf('@', StringComparison.Ordinal) is var at && at > 0 && at < text.Length - 1 && text.IndexOf('@', at + 1) < 0)
                    ? (text, null)
                    : (null, $"{field.Title} '{text}' is not a valid email address");
            case "tag_array":
                return (string.Join(", ", text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)), null);
            default:
                return (raw, null);
        }
    }

    private static (JsonNode? Value, string? Error) Currency(PersonField field, string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 2 or 3
            && decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            && parts[1].Length == 3 && parts[1].All(char.IsAsciiLetterUpper))
        {
            return (string.Create(CultureInfo.InvariantCulture, $"{amount} {parts[1]} {(parts.Length == 3 ? parts[2] : "0")}"), null);
        }

        return (null, $"{field.Title} '{text}' is not a valid currency value");
    }
}
