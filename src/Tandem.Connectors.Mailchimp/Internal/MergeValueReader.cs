using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>A merge value in canonical form: birthdays <c>MM/DD</c> become yearless dates, addresses five parts (addr2 joins the street on a new line).</summary>
internal static class MergeValueReader
{
    public static ScalarValue? Read(MergeField field, JsonNode raw)
    {
        switch (field.MailchimpType)
        {
            case "address":
                if (raw is not JsonObject address)
                {
                    return null;
                }

                var street = string.Join('\n', new[] { Json.Text(address, "addr1"), Json.Text(address, "addr2") }.OfType<string>());
                var parts = new[] { street, Json.Text(address, "city"), Json.Text(address, "state"), Json.Text(address, "zip"), Json.Text(address, "country") };
                return parts.All(string.IsNullOrEmpty) ? null : Values.Address(parts[0], parts[1], parts[2], parts[3], parts[4]);
            case "birthday":
                return Json.Text(raw) is { Length: 5 } md && md[2] == '/' ? Values.Create(FieldType.Date, "--" + md[..2] + "-" + md[3..]) : null;
            case "number":
                return Values.Create(FieldType.Number, Json.Number(raw));
            default:
                return Values.Create(field.Type, Json.Text(raw) ?? Json.Number(raw));
        }
    }
}
