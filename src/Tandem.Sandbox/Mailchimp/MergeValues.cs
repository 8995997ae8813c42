using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// Checks a merge value against its field's type and brings it to the form Mailchimp answers with: text as sent, numbers
/// as JSON numbers, dates <c>YYYY-MM-DD</c>, birthdays <c>MM/DD</c>, addresses as <c>{addr1, addr2, city, state, zip,
/// country}</c>. An empty string clears a field. Returns the error message for a value the type refuses.
/// </summary>
internal static partial class MergeValues
{
    private static readonly string[] AddressParts = ["addr1", "addr2", "city", "state", "zip", "country"];

    public static (JsonNode? Value, string? Error) Normalize(StoredMergeField field, JsonNode? raw)
    {
        if (raw is null || (raw is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0))
        {
            return (null, null);
        }

        var text = raw is JsonValue value ? Text(value) : null;
        switch (field.Type)
        {
            case "address":
                return raw is JsonObject address ? Address(address) : (null, "Please enter a complete address");
            case "number":
                return text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    ? (JsonValue.Create(n), null)
                    : (null, "Please enter a number");
            case "date":
                return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, "Please enter the date");
            case "birthday":
                return text is not null && Birthday().IsMatch(text) && DateOnly.TryParseExact("2000/" + text, "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? (text, null)
                    : (null, "Please enter a complete birthday");
            case "phone":
                var valid = field.PhoneFormat == "US" ? text is not null && UsPhone().IsMatch(text) : text is not null && InternationalPhone().IsMatch(text);
                return valid ? (text, null) : (null, "Please enter a valid phone number");
            case "zip":
                return text is not null && UsZip().IsMatch(text) ? (text, null) : (null, "Please enter a valid zip code");
            case "radio" or "dropdown":
                return text is not null && field.Choices.Contains(text, StringComparer.Ordinal) ? (text, null) : (null, "Please choose one of the field's choices");
            default:
                return text is null ? (null, "Please enter text") : text.Length > 255 ? (null, "Please enter at most 255 characters") : (text, null);
        }
    }

    /// <summary>A stored value as members show it: the value, or "" when empty.</summary>
    public static JsonNode Show(JsonNode? value) => value?.DeepClone() ?? JsonValue.Create(string.Empty);

    /// <summary>The flat text of a value for webhook forms (addresses are split by the caller).</summary>
    public static string FormText(JsonNode value) => value is JsonValue v ? Text(v) ?? string.Empty : string.Empty;

    private static (JsonNode?, string?) Address(JsonObject address)
    {
        var result = new JsonObject();
        foreach (var part in AddressParts)
        {
            result[part] = address[part] is JsonValue v ? Text(v) ?? string.Empty : string.Empty;
        }

        // Mailchimp needs a complete postal address: street, city, state and zip.
        var complete = new[] { "addr1", "city", "state", "zip" }.All(p => result[p]!.GetValue<string>().Trim().Length > 0);
        return complete ? (result, null) : (null, "Please enter a complete address");
    }

    private static string? Text(JsonValue value) =>
        value.TryGetValue<string>(out var s) ? s
        : value.TryGetValue<decimal>(out var d) ? d.ToString(CultureInfo.InvariantCulture)
        : value.TryGetValue<bool>(out var b) ? (b ? "true" : "false")
        : null;

    [GeneratedRegex(@"^(0[1-9]|1[0-2])/(0[1-9]|[12][0-9]|3[01])$", RegexOptions.CultureInvariant)]
    private static partial Regex Birthday();

    [GeneratedRegex(@"^\(?[0-9]{3}\)?[ -]?[0-9]{3}-[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsPhone();

    [GeneratedRegex(@"^\+?[0-9 ().\-]{5,25}$", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalPhone();

    [GeneratedRegex(@"^[0-9]{5}(-[0-9]{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex UsZip();
}
