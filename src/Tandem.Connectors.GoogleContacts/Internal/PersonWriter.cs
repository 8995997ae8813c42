using System.Text.Json.Nodes;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>
/// Writes field and tag changes into a Person. The People API replaces a masked field whole, so each change
/// rewrites the whole field from the current person (a new first name keeps the family and middle names).
/// </summary>
internal static class PersonWriter
{
    private static readonly string[] ReadOnlyItemProperties = ["metadata", "formattedType", "canonicalForm", "displayName", "displayNameLastFirst", "contactGroupId", "formattedValue"];

    /// <summary>Applies the changes to <paramref name="fields"/> (the current writable fields) and returns the field mask they touched.</summary>
    public static HashSet<string> Apply(JsonObject fields, IEnumerable<FieldChange> changes, IEnumerable<string> addTags, IEnumerable<string> removeTags, GroupDirectory groups)
    {
        var mask = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (Write(fields, change) is { } field)
            {
                mask.Add(field);
            }
        }

        // Groups are created before changes are written; a tag whose name only a system group holds has none.
        var add = addTags.Select(groups.AddableResourceOf).OfType<string>().ToList();
        var remove = removeTags.Select(groups.ResourceOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (add.Count > 0 || remove.Count > 0)
        {
            var current = PersonReader.Items(fields, "memberships")
                .Select(m => m["contactGroupMembership"]?["contactGroupResourceName"]?.GetValue<string>())
                .OfType<string>()
                .ToList();
            var next = current.Where(g => !remove.Contains(g)).Concat(add).Distinct(StringComparer.Ordinal).ToList();
            if (next.Count == 0)
            {
                // Google refuses memberships without any contact group; My Contacts is where every contact lives.
                next.Add(GroupDirectory.MyContacts);
            }

            fields["memberships"] = new JsonArray(next.Select(g => (JsonNode)GroupDirectory.Membership(g)).ToArray());
            mask.Add("memberships");
        }

        return mask;
    }

    /// <summary>The writable fields of a person as read, without the read-only properties Google computes.</summary>
    /// <summary>True for an item of the contact itself: source CONTACT, or no source named (as a request shapes it).</summary>
    public static bool IsContactItem(JsonObject item) =>
        item["metadata"]?["source"]?["type"]?.GetValue<string>() is null or "CONTACT";

    public static JsonObject Writable(JsonObject person, IEnumerable<string> fieldNames)
    {
        var fields = new JsonObject();
        foreach (var name in fieldNames)
        {
            if (person[name] is JsonArray items)
            {
                var clean = new JsonArray();
                // Only the contact's own items: a Google profile's (a verified email linked the contact to one) cannot
                // be written, and copying its name beside the contact's makes two names, which Google refuses.
                foreach (var item in items.OfType<JsonObject>().Where(IsContactItem))
                {
                    var copy = (JsonObject)item.DeepClone();
                    foreach (var property in ReadOnlyItemProperties)
                    {
                        copy.Remove(property);
                    }

                    clean.Add(copy);
                }

                fields[name] = clean;
            }
        }

        return fields;
    }

    private static string? Write(JsonObject fields, FieldChange change)
    {
        switch (change.Key)
        {
            case StandardFieldKeys.FirstName:
                return SetInFirst(fields, "names", "givenName", Text(change.Value));
            case StandardFieldKeys.LastName:
                return SetInFirst(fields, "names", "familyName", Text(change.Value));
            case StandardFieldKeys.Org:
                return SetInFirst(fields, "organizations", "name", Text(change.Value));
            case StandardFieldKeys.Title:
                return SetInFirst(fields, "organizations", "title", Text(change.Value));
            case StandardFieldKeys.Department:
                return SetInFirst(fields, "organizations", "department", Text(change.Value));
            case StandardFieldKeys.Note:
                return Replace(fields, "biographies", Text(change.Value) is { } note ? new JsonObject { ["value"] = note, ["contentType"] = "TEXT_PLAIN" } : null);
            case StandardFieldKeys.Birthday:
                return Replace(fields, "birthdays", Birthday(change.Value));
            case StandardFieldKeys.Emails:
                return ReplaceList(fields, "emailAddresses", change.Value, v => new JsonObject { ["value"] = v.Text });
            case StandardFieldKeys.Phones:
                return ReplaceList(fields, "phoneNumbers", change.Value, v => new JsonObject { ["value"] = v.Text });
            case StandardFieldKeys.Urls:
                return ReplaceList(fields, "urls", change.Value, v => new JsonObject { ["value"] = v.Text });
            case StandardFieldKeys.Addresses:
                return ReplaceList(fields, "addresses", change.Value, Address);
            case var key when key.StartsWith(GoogleFieldKeys.UserDefinedPrefix, StringComparison.Ordinal):
                return SetUserDefined(fields, key[GoogleFieldKeys.UserDefinedPrefix.Length..], Text(change.Value));
            default:
                // name.full is computed by Google (read-only); the photo has its own call (ContactPhotos);
                // unknown keys were refused by validation.
                return PersonalFields.Write(fields, change.Key, change.Value);
        }
    }

    private static string? Text(FieldValue? value) => value switch
    {
        ScalarValue scalar => scalar.Text,
        ListValue list => list.Primary.Text,
        _ => null,
    };

    private static string SetInFirst(JsonObject fields, string field, string property, string? value)
    {
        var items = fields[field] as JsonArray ?? [];
        var first = items.Count > 0 ? (JsonObject)items[0]! : new JsonObject();
        if (value is null)
        {
            first.Remove(property);
        }
        else
        {
            first[property] = value;
        }

        var rest = items.Skip(1).Select(i => i!.DeepClone()).ToList();
        var next = new JsonArray();
        if (first.Count > 0)
        {
            next.Add(first.DeepClone());
        }

        rest.ForEach(next.Add);
        fields[field] = next;
        return field;
    }

    private static string Replace(JsonObject fields, string field, JsonObject? item)
    {
        fields[field] = item is null ? new JsonArray() : new JsonArray(item);
        return field;
    }

    private static string ReplaceList(JsonObject fields, string field, FieldValue? value, Func<ScalarValue, JsonObject> item)
    {
        var items = new JsonArray();
        if (value is ListValue list)
        {
            foreach (var entry in list.Items)
            {
                var json = item(entry.Value);
                if (entry.Label.Length > 0)
                {
                    json["type"] = entry.Label;
                }

                // The list's first entry is its primary one; Google keeps no order, so it is marked (metadata.primary is output only).
                if (items.Count == 0 && list.Items.Length > 1)
                {
                    json["metadata"] = new JsonObject { ["sourcePrimary"] = true };
                }

                items.Add(json);
            }
        }
        else if (value is ScalarValue scalar)
        {
            items.Add(item(scalar));
        }

        fields[field] = items;
        return field;
    }

    private static JsonObject Address(ScalarValue value)
    {
        var parts = Values.Parts(value);
        var json = new JsonObject();
        string[] names = ["streetAddress", "city", "region", "postalCode", "country"];
        for (var i = 0; i < names.Length && i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                json[names[i]] = parts[i];
            }
        }

        return json;
    }

    private static JsonObject? Birthday(FieldValue? value)
    {
        if (value is not ScalarValue scalar || !PartialDate.TryParse(scalar.Text, out var date))
        {
            return null;
        }

        var json = new JsonObject { ["month"] = date.Month, ["day"] = date.Day };
        if (date.Year is { } year)
        {
            json["year"] = year;
        }

        return new JsonObject { ["date"] = json };
    }

    private static string SetUserDefined(JsonObject fields, string key, string? value)
    {
        var items = PersonReader.Items(fields, "userDefined").Where(i => PersonReader.Text(i, "key") != key).Select(i => (JsonNode)i.DeepClone()).ToList();
        if (value is not null)
        {
            items.Add(new JsonObject { ["key"] = key, ["value"] = value });
        }

        fields["userDefined"] = new JsonArray(items.ToArray());
        return "userDefined";
    }
}
