using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// Canonical values as HubSpot property values (all strings, <c>""</c> clears): the primary email in <c>email</c> and the
/// others in <c>hs_additional_emails</c>, a mobile phone in <c>mobilephone</c> and another in <c>phone</c>, a choice by its
/// option's internal value, several choices joined with <c>;</c>, a date as <c>YYYY-MM-DD</c>. A value HubSpot cannot hold
/// is refused for that contact alone, in words.
/// </summary>
internal static class ContactWriter
{
    /// <summary>The properties for these fields; a value that cannot be written throws <see cref="RefusedValueException"/>.</summary>
    public static JsonObject Properties(IEnumerable<KeyValuePair<string, FieldValue?>> fields, PropertyDirectory directory)
    {
        var properties = new JsonObject();
        foreach (var (key, value) in fields)
        {
            Write(properties, key, value, directory);
        }

        return properties;
    }

    private static void Write(JsonObject properties, string key, FieldValue? value, PropertyDirectory directory)
    {
        switch (key)
        {
            case StandardFieldKeys.FirstName: properties["firstname"] = Text(value); break;
            case StandardFieldKeys.LastName: properties["lastname"] = Text(value); break;
            case StandardFieldKeys.Org: properties["company"] = Text(value); break;
            case StandardFieldKeys.Title: properties["jobtitle"] = Text(value); break;
            case StandardFieldKeys.Note: properties["message"] = Text(value); break;
            case StandardFieldKeys.Birthday: properties["date_of_birth"] = Text(value); break;
            case HubSpotFieldKeys.Owner: properties["hubspot_owner_id"] = Text(value); break;
            case StandardFieldKeys.Emails:
                var emails = Entries(value);
                properties["email"] = emails.FirstOrDefault()?.Value.Text ?? string.Empty;
                properties["hs_additional_emails"] = string.Join(';', emails.Skip(1).Select(e => e.Value.Text));
                break;
            case StandardFieldKeys.Phones: Phones(properties, Entries(value)); break;
            case StandardFieldKeys.Urls: properties["website"] = Entries(value).FirstOrDefault()?.Value.Text ?? string.Empty; break;
            case StandardFieldKeys.Addresses: Address(properties, Entries(value).FirstOrDefault()?.Value); break;
            case var other when other.StartsWith(HubSpotFieldKeys.PropertyPrefix, StringComparison.Ordinal):
                var name = other[HubSpotFieldKeys.PropertyPrefix.Length..];
                var property = directory.Find(name) ?? throw new RefusedValueException($"HubSpot has no contact property {name} (any more); refresh the fields.");
                if (property.IsReadOnly)
                {
                    throw new RefusedValueException($"HubSpot sets {property.Label} itself; Tandem cannot write it.");
                }

                properties[name] = Custom(property, value);
                break;
            default:
                throw new RefusedValueException($"HubSpot has no field {key}.");
        }
    }

    private static string Custom(PortalProperty property, FieldValue? value)
    {
        if (value is not ScalarValue scalar)
        {
            return value is ListValue list ? list.Primary.Text : string.Empty;
        }

        switch (property.Type)
        {
            case FieldType.SingleChoice:
                return property.ValueOf(scalar.Text) ?? throw new RefusedValueException($"'{scalar.Text}' is not an option of {property.Label} in HubSpot.");
            case FieldType.MultipleChoice:
                var chosen = Values.Parts(scalar).Where(p => p.Length > 0).Select(p => property.ValueOf(p) ?? throw new RefusedValueException($"'{p}' is not an option of {property.Label} in HubSpot.")).ToList();
                return string.Join(';', chosen);
            case FieldType.Date:
                return PartialDate.TryParse(scalar.Text, out var date) && date.Year is not null
                    ? scalar.Text
                    : throw new RefusedValueException($"{property.Label} in HubSpot needs a date with a year.");
            default:
                return scalar.Text;
        }
    }

    private static void Phones(JsonObject properties, IReadOnlyList<LabelledValue> phones)
    {
        string? phone = null;
        string? mobile = null;
        foreach (var entry in phones)
        {
            if (entry.Label == "mobile" && mobile is null)
            {
                mobile = entry.Value.Text;
            }
            else if (phone is null)
            {
                phone = entry.Value.Text;
            }
            else
            {
                mobile ??= entry.Value.Text;
            }
        }

        properties["phone"] = phone ?? string.Empty;
        properties["mobilephone"] = mobile ?? string.Empty;
    }

    private static void Address(JsonObject properties, ScalarValue? address)
    {
        var parts = address is null ? [] : Values.Parts(address);
        string Part(int i) => i < parts.Length ? parts[i] : string.Empty;
        properties["address"] = Part(0);
        properties["city"] = Part(1);
        properties["state"] = Part(2);
        properties["zip"] = Part(3);
        properties["country"] = Part(4);
    }

    private static string Text(FieldValue? value) => value switch
    {
        ScalarValue scalar => scalar.Text,
        ListValue list => list.Primary.Text,
        _ => string.Empty,
    };

    private static IReadOnlyList<LabelledValue> Entries(FieldValue? value) => value switch
    {
        ListValue list => list.Items,
        ScalarValue scalar => [new LabelledValue("work", scalar)],
        _ => [],
    };
}
