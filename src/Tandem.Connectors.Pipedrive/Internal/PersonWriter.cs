using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// Writes field changes into a v2 person body (POST or PATCH). Lists (emails, phones) are replaced whole; a custom
/// <c>set</c> field is cleared with <c>null</c>, never <c>[]</c> (which Pipedrive refuses); organizations are found
/// by name and created when missing.
/// </summary>
internal static class PersonWriter
{
    public static async Task ApplyAsync(JsonObject body, IEnumerable<FieldChange> changes, CompanyDirectory directory, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            switch (change.Key)
            {
                case StandardFieldKeys.FirstName:
                    body["first_name"] = Text(change.Value);
                    break;
                case StandardFieldKeys.LastName:
                    body["last_name"] = Text(change.Value);
                    break;
                case StandardFieldKeys.FullName:
                    if (Text(change.Value) is { } name)
                    {
                        body["name"] = name;
                    }

                    break;
                case StandardFieldKeys.Emails:
                    body["emails"] = List(change.Value, "work");
                    break;
                case StandardFieldKeys.Phones:
                    body["phones"] = List(change.Value, "work");
                    break;
                case StandardFieldKeys.Org:
                    body["org_id"] = Text(change.Value) is { } org ? await directory.OrganizationIdAsync(org, logger, cancellationToken).ConfigureAwait(false) : null;
                    break;
                case PipedriveFieldKeys.Owner:
                    body["owner_id"] = Int(Text(change.Value));
                    break;
                case StandardFieldKeys.Title:
                    body["job_title"] = Text(change.Value);
                    break;
                case StandardFieldKeys.Birthday:
                    body["birthday"] = Text(change.Value);
                    break;
                case StandardFieldKeys.Note:
                    body["notes"] = Text(change.Value);
                    break;
                case StandardFieldKeys.InstantMessaging:
                    body["im"] = ChatAccounts.Write(change.Value);
                    break;
                case var key when key.StartsWith(PipedriveFieldKeys.CustomPrefix, StringComparison.Ordinal)
                    && directory.Custom.TryGetValue(key[PipedriveFieldKeys.CustomPrefix.Length..], out var field):
                    var custom = body["custom_fields"] as JsonObject ?? [];
                    custom[field.Key] = change.Value is ScalarValue scalar ? Custom(field, scalar) : null;
                    body["custom_fields"] = custom;
                    break;
                default:
                    // Unknown keys were refused by validation.
                    break;
            }
        }
    }

    /// <summary>
    /// v2 writes take <c>name</c> only (<c>first_name</c>/<c>last_name</c> are read-only in openapi-v2.yaml): first and
    /// last name changes are folded into a full name, from <paramref name="current"/> for the part that did not change.
    /// </summary>
    public static void ComposeName(JsonObject body, JsonObject? current)
    {
        if (!body.ContainsKey("first_name") && !body.ContainsKey("last_name"))
        {
            return;
        }

        var first = body.ContainsKey("first_name") ? Json.Text(body, "first_name") : Json.Text(current, "first_name");
        var last = body.ContainsKey("last_name") ? Json.Text(body, "last_name") : Json.Text(current, "last_name");
        body.Remove("first_name");
        body.Remove("last_name");
        if (Json.Text(body, "name") is null)
        {
            // An empty name is sent as it is, for Pipedrive to refuse with its own message.
            body["name"] = string.Join(' ', new[] { first, last }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        }
    }

    /// <summary>A canonical value as the v2 value of a custom field; throws <see cref="FormatException"/> for an option the field lacks.</summary>
    internal static JsonNode? Custom(CustomField field, ScalarValue value)
    {
        switch (field.PipedriveType)
        {
            case "monetary":
                var money = value.Text.Split(' ', 2);
                return new JsonObject { ["value"] = decimal.Parse(money[0], CultureInfo.InvariantCulture), ["currency"] = money.Length > 1 ? money[1] : null };
            case "daterange":
                var range = value.Text.Split('/', 2);
                return new JsonObject { ["value"] = range[0], ["until"] = range.Length > 1 ? range[1] : range[0] };
            case "double" or "int":
                return decimal.Parse(value.Text, CultureInfo.InvariantCulture);
            case "enum":
                return Option(field, value.Text);
            case "set":
                var ids = Values.Parts(value).Where(p => p.Length > 0).Select(p => (JsonNode)Option(field, p)).ToArray();
                return ids.Length == 0 ? null : new JsonArray(ids);
            case "user":
                return Int(value.Text);
            case "address":
                var parts = Values.Parts(value);
                string Part(int i) => i < parts.Length ? parts[i] : string.Empty;
                var address = new JsonObject { ["value"] = string.Join(", ", parts.Where(p => p.Length > 0)) };
                AddIfAny(address, "route", Part(0));
                AddIfAny(address, "locality", Part(1));
                AddIfAny(address, "admin_area_level_1", Part(2));
                AddIfAny(address, "postal_code", Part(3));
                AddIfAny(address, "country", Part(4));
                return address;
            default:
                return value.Text;
        }
    }

    private static void AddIfAny(JsonObject address, string key, string value)
    {
        if (value.Length > 0)
        {
            address[key] = value;
        }
    }

    private static int Option(CustomField field, string label) =>
        field.Options.Where(o => string.Equals(o.Value, label, StringComparison.OrdinalIgnoreCase)).Select(o => (int?)o.Key).FirstOrDefault()
        ?? throw new FormatException($"'{label}' is not an option of the Pipedrive field '{field.Name}'.");

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Text(FieldValue? value) => value switch
    {
        ScalarValue scalar => scalar.Text,
        ListValue list => list.Primary.Text,
        _ => null,
    };

    private static JsonArray List(FieldValue? value, string defaultLabel)
    {
        var items = value switch
        {
            ListValue list => list.Items.Select(i => (Label: i.Label, Value: i.Value.Text)).ToList(),
            ScalarValue scalar => [(defaultLabel, scalar.Text)],
            _ => [],
        };
        return new JsonArray(items.Select((item, i) => (JsonNode)new JsonObject
        {
            ["value"] = item.Value,
            ["primary"] = i == 0,
            ["label"] = item.Label.Length > 0 ? item.Label : defaultLabel,
        }).ToArray());
    }
}
