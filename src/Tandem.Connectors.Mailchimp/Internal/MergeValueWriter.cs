using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// A canonical value as the merge value Mailchimp takes: dates <c>YYYY-MM-DD</c> (a date field needs a year), birthdays
/// <c>MM/DD</c>, addresses <c>{addr1, addr2, city, state, zip, country}</c>, numbers as JSON numbers, choices as one of
/// the field's choices, <c>""</c> to clear. A list (phones) gives its primary entry. Throws <see cref="FormatException"/>
/// with a user's reason for a value the field cannot hold.
/// </summary>
internal static class MergeValueWriter
{
    public static JsonNode Write(MergeField field, FieldValue? value)
    {
        var scalar = value switch
        {
            ScalarValue s => s,
            ListValue list => list.Primary,
            _ => null,
        };
        if (scalar is null)
        {
            return string.Empty;
        }

        switch (field.MailchimpType)
        {
            case "number":
                return JsonValue.Create(decimal.Parse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
            case "date":
                return PartialDate.TryParse(scalar.Text, out var date) && date.Year is { } year
                    ? string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{date.Month:00}-{date.Day:00}")
                    : throw new FormatException($"The Mailchimp field '{field.Name}' needs a date with a year.");
            case "birthday":
                return PartialDate.TryParse(scalar.Text, out var birthday)
                    ? string.Create(CultureInfo.InvariantCulture, $"{birthday.Month:00}/{birthday.Day:00}")
                    : throw new FormatException($"'{scalar.Text}' is not a date for the Mailchimp field '{field.Name}'.");
            case "address":
                var parts = Values.Parts(scalar);
                string Part(int i) => i < parts.Length ? parts[i] : string.Empty;
                var lines = Part(0).Split('\n', 2);
                return new JsonObject
                {
                    ["addr1"] = lines[0],
                    ["addr2"] = lines.Length > 1 ? lines[1] : string.Empty,
                    ["city"] = Part(1),
                    ["state"] = Part(2),
                    ["zip"] = Part(3),
                    ["country"] = Part(4),
                };
            case "phone" when field.PhoneFormat == "US":
                // US-format phone fields take ###-###-####; other numbers are refused by Mailchimp with its reason.
                return scalar.Text is { Length: 12 } us && us.StartsWith("+1", StringComparison.Ordinal)
                    ? $"{us[2..5]}-{us[5..8]}-{us[8..]}"
                    : scalar.Text;
            case "radio" or "dropdown":
                return field.Choices.FirstOrDefault(c => string.Equals(c, scalar.Text, StringComparison.OrdinalIgnoreCase))
                    ?? throw new FormatException($"'{scalar.Text}' is not a choice of the Mailchimp field '{field.Name}'.");
            default:
                return scalar.Text;
        }
    }
}
