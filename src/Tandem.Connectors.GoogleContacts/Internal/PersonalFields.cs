using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>
/// The person's fields beyond name, addresses and work: nicknames[0], the event of type <c>anniversary</c>,
/// organizations[0].department, genders[0] (value as gender, addressMeAs as pronouns), relations, imClients and every
/// userDefined entry as one labelled list (beside the per-key fields), read and written the same way.
/// </summary>
internal static class PersonalFields
{
    public const string AnniversaryType = "anniversary";

    public static void Read(JsonObject person, ImmutableDictionary<string, FieldValue>.Builder fields, string? region)
    {
        PersonReader.Put(fields, StandardFieldKeys.Nickname, PersonReader.Text(PersonReader.First(person, "nicknames"), "value"));
        var anniversary = PersonReader.Items(person, "events").FirstOrDefault(e => string.Equals(PersonReader.Text(e, "type"), AnniversaryType, StringComparison.OrdinalIgnoreCase));
        PersonReader.Put(fields, StandardFieldKeys.Anniversary, PersonReader.Date(anniversary?["date"] as JsonObject));
        PersonReader.Put(fields, StandardFieldKeys.Department, PersonReader.Text(PersonReader.First(person, "organizations"), "department"));
        var gender = PersonReader.First(person, "genders");
        PersonReader.Put(fields, StandardFieldKeys.Gender, PersonReader.Text(gender, "value"));
        PersonReader.Put(fields, StandardFieldKeys.Pronouns, PersonReader.Text(gender, "addressMeAs"));
        PersonReader.Put(fields, StandardFieldKeys.RelatedPeople, PersonReader.List(person, "relations", FieldType.Text, i => PersonReader.Text(i, "person"), region));
        PersonReader.Put(fields, StandardFieldKeys.InstantMessaging, PersonReader.List(person, "imClients", FieldType.Url, i => ImProtocols.Uri(PersonReader.Text(i, "protocol"), PersonReader.Text(i, "username")), region));
        PersonReader.Put(fields, StandardFieldKeys.CustomProperties, UserDefined(person));
    }

    /// <summary>The field a change of one of these keys rewrites, or null when the key is not one of them.</summary>
    public static string? Write(JsonObject fields, string key, FieldValue? value) => key switch
    {
        StandardFieldKeys.Nickname => Replace(fields, "nicknames", Text(value) is { } n ? new JsonObject { ["value"] = n } : null),
        StandardFieldKeys.Anniversary => WriteAnniversary(fields, value),
        StandardFieldKeys.Gender => SetInGender(fields, "value", Text(value)),
        StandardFieldKeys.Pronouns => SetInGender(fields, "addressMeAs", Text(value)),
        StandardFieldKeys.RelatedPeople => ReplaceList(fields, "relations", value, item => new JsonObject { ["person"] = item.Value.Text, ["type"] = item.Label.Length > 0 ? item.Label : "other" }),
        StandardFieldKeys.InstantMessaging => ReplaceList(fields, "imClients", value, ImClient),
        StandardFieldKeys.CustomProperties => ReplaceList(fields, "userDefined", value, item => new JsonObject { ["key"] = item.Label.Length > 0 ? item.Label : "custom", ["value"] = item.Value.Text }),
        _ => null,
    };

    private static ListValue? UserDefined(JsonObject person)
    {
        var items = PersonReader.Items(person, "userDefined")
            .Select(i => (Key: PersonReader.Text(i, "key"), Value: Values.Create(FieldType.Text, PersonReader.Text(i, "value"))))
            .Where(i => i.Key is not null && i.Value is not null)
            .Select(i => new LabelledValue(i.Key!, i.Value!))
            .ToImmutableArray();
        return items.IsEmpty ? null : new ListValue(FieldType.Text, items);
    }

    private static JsonObject ImClient(LabelledValue item)
    {
        var (protocol, username) = ImProtocols.Split(item.Value.Text);
        var json = new JsonObject { ["username"] = username, ["protocol"] = protocol };
        if (item.Label.Length > 0)
        {
            json["type"] = item.Label;
        }

        return json;
    }

    private static string WriteAnniversary(JsonObject fields, FieldValue? value)
    {
        // Other events (type "other" or the user's own) stay as they are; only the anniversary is replaced.
        var kept = PersonReader.Items(fields, "events")
            .Where(e => !string.Equals(PersonReader.Text(e, "type"), AnniversaryType, StringComparison.OrdinalIgnoreCase))
            .Select(e => (JsonNode)e.DeepClone())
            .ToList();
        if (value is ScalarValue scalar && PartialDate.TryParse(scalar.Text, out var date))
        {
            var json = new JsonObject { ["month"] = date.Month, ["day"] = date.Day };
            if (date.Year is { } year)
            {
                json["year"] = year;
            }

            kept.Insert(0, new JsonObject { ["date"] = json, ["type"] = AnniversaryType });
        }

        fields["events"] = new JsonArray([.. kept]);
        return "events";
    }

    private static string SetInGender(JsonObject fields, string property, string? text)
    {
        var gender = PersonReader.First(fields, "genders")?.DeepClone() as JsonObject ?? new JsonObject();
        if (text is null)
        {
            gender.Remove(property);
        }
        else
        {
            gender[property] = text;
        }

        // Google refuses a gender without a value; pronouns alone are kept as "unspecified".
        if (gender.ContainsKey("addressMeAs") && !gender.ContainsKey("value"))
        {
            gender["value"] = "unspecified";
        }

        fields["genders"] = gender.Count == 0 ? new JsonArray() : new JsonArray(gender);
        return "genders";
    }

    private static string Replace(JsonObject fields, string field, JsonObject? item)
    {
        fields[field] = item is null ? new JsonArray() : new JsonArray(item);
        return field;
    }

    private static string ReplaceList(JsonObject fields, string field, FieldValue? value, Func<LabelledValue, JsonObject> item)
    {
        var items = value switch
        {
            ListValue list => list.Items.Select(i => (JsonNode)item(i)).ToArray(),
            ScalarValue scalar => [item(new LabelledValue(string.Empty, scalar))],
            _ => [],
        };
        fields[field] = new JsonArray(items);
        return field;
    }

    private static string? Text(FieldValue? value) => value switch
    {
        ScalarValue scalar => scalar.Text,
        ListValue list => list.Primary.Text,
        _ => null,
    };
}
