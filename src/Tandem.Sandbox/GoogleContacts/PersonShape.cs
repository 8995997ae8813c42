using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// Turns request Persons into stored fields (dropping read-only and metadata properties, refusing unknown
/// names and repeated singletons) and stored contacts into response Persons (adding the metadata, display
/// names and formatted types Google computes).
/// </summary>
internal static class PersonShape
{
    private static readonly string[] ReadOnlyItemProperties = ["metadata", "formattedType", "canonicalForm", "displayNameLastFirst", "contactGroupId", "formattedProtocol"];

    /// <summary>The writable fields of a request Person, validated.</summary>
    public static JsonObject ReadInput(JsonObject person, string at = "person")
    {
        var fields = new JsonObject();
        foreach (var (name, value) in person)
        {
            if (!PersonFields.Known.Contains(name))
            {
                throw GoogleApiException.Invalid($"Invalid JSON payload received. Unknown name \"{name}\" at '{at}': Cannot find field.");
            }

            if (!PersonFields.Writable.Contains(name) || value is not JsonArray items)
            {
                continue;
            }

            var copy = new JsonArray();
            foreach (var item in items.OfType<JsonObject>())
            {
                var clean = (JsonObject)item.DeepClone();
                foreach (var property in ReadOnlyItemProperties)
                {
                    clean.Remove(property);
                }

                if (name == "names")
                {
                    clean.Remove("displayName");
                }

                if (clean.Count > 0)
                {
                    copy.Add(clean);
                }
            }

            if (PersonFields.Singletons.Contains(name) && copy.Count > 1)
            {
                throw GoogleApiException.Invalid($"Only one {name} field is allowed per contact.");
            }

            if (copy.Count > 0)
            {
                fields[name] = copy;
            }
        }

        return fields;
    }

    /// <summary>The etag a request Person claims: <c>metadata.sources[CONTACT].etag</c>, else <c>etag</c>.</summary>
    public static string? ClaimedEtag(JsonObject person)
    {
        if (person["metadata"]?["sources"] is JsonArray sources)
        {
            foreach (var source in sources.OfType<JsonObject>())
            {
                if (source["type"]?.GetValue<string>() == "CONTACT" && source["etag"]?.GetValue<string>() is { } etag)
                {
                    return etag;
                }
            }
        }

        return person["etag"]?.GetValue<string>();
    }

    /// <param name="contact">The stored contact.</param>
    /// <param name="mask">The person fields asked for.</param>
    /// <param name="photoOrigin">Where photo URLs point.</param>
    /// <param name="profile">Whether a linked profile's items are answered (the read's <c>sources</c>).</param>
    /// <param name="previousNames">
    /// Whether <c>metadata.previousResourceNames</c> is answered: "populated only for <c>people.connections.list</c>
    /// requests that include a sync token" (Person.metadata in the discovery document).
    /// </param>
    public static JsonObject Render(StoredContact contact, IReadOnlySet<string> mask, string photoOrigin, bool profile = true, bool previousNames = false)
    {
        var person = new JsonObject { ["resourceName"] = contact.ResourceName, ["etag"] = contact.Etag };
        var source = new JsonObject { ["type"] = "CONTACT", ["id"] = SourceId(contact) };
        if (contact.Deleted)
        {
            person["metadata"] = new JsonObject { ["sources"] = new JsonArray(source), ["deleted"] = true };
            return person;
        }

        if (mask.Contains("metadata"))
        {
            var full = (JsonObject)source.DeepClone();
            full["etag"] = contact.Etag;
            full["updateTime"] = contact.UpdateTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var sources = new JsonArray(full);
            if (profile && contact.ProfileId is { } profileId)
            {
                sources.Add(new JsonObject { ["type"] = "PROFILE", ["id"] = profileId, ["etag"] = "%" + profileId });
            }

            person["metadata"] = new JsonObject { ["sources"] = sources, ["objectType"] = "PERSON" };
            if (previousNames && contact.PreviousResourceNames.Count > 0)
            {
                person["metadata"]!["previousResourceNames"] = new JsonArray(contact.PreviousResourceNames.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
            }
        }

        foreach (var (name, value) in contact.Fields)
        {
            if (!mask.Contains(name) || value is not JsonArray items)
            {
                continue;
            }

            var rendered = new JsonArray();
            for (var i = 0; i < items.Count; i++)
            {
                var item = (JsonObject)items[i]!.DeepClone();
                var metadata = new JsonObject { ["source"] = source.DeepClone() };
                if (i == 0)
                {
                    metadata["primary"] = true;
                    metadata["sourcePrimary"] = true;
                }

                item["metadata"] = metadata;
                Decorate(name, item);
                rendered.Add(item);
            }

            person[name] = rendered;
        }

        if (mask.Contains("photos"))
        {
            person["photos"] = new JsonArray(Photo(contact, source, photoOrigin));
        }

        if (profile && contact.ProfileId is { } id && contact.ProfileFields is { } fields)
        {
            AddProfileItems(person, id, fields, mask);
        }

        return person;
    }

    /// <summary>
    /// Google always lists a photo: the contact's own, or a default picture (its initial) marked <c>default: true</c>.
    /// </summary>
    private static JsonObject Photo(StoredContact contact, JsonObject source, string origin)
    {
        var photo = new JsonObject
        {
            ["metadata"] = new JsonObject { ["primary"] = true, ["source"] = source.DeepClone() },
            ["url"] = contact.Photo is { } own ? $"{origin}/photos/{contact.Id}/{own.Key}" : $"{origin}/photos/default/{contact.Id}",
        };
        if (contact.Photo is null)
        {
            photo["default"] = true;
        }

        return photo;
    }

    // Profile items follow the contact's, each with its PROFILE source; the contact's first item stays primary.
    private static void AddProfileItems(JsonObject person, string profileId, JsonObject fields, IReadOnlySet<string> mask)
    {
        foreach (var (name, value) in fields)
        {
            if (!mask.Contains(name) || value is not JsonArray items)
            {
                continue;
            }

            var rendered = person[name] as JsonArray ?? [];
            foreach (var item in items.OfType<JsonObject>())
            {
                var copy = (JsonObject)item.DeepClone();
                copy["metadata"] = new JsonObject { ["source"] = new JsonObject { ["type"] = "PROFILE", ["id"] = profileId }, ["verified"] = name == "emailAddresses" };
                Decorate(name, copy);
                rendered.Add(copy);
            }

            person[name] = rendered;
        }
    }

    private static string SourceId(StoredContact contact) =>
        long.Parse(contact.Id.AsSpan(1), CultureInfo.InvariantCulture).ToString("x", CultureInfo.InvariantCulture);

    private static void Decorate(string field, JsonObject item)
    {
        if (item["type"]?.GetValue<string>() is { Length: > 0 } type)
        {
            item["formattedType"] = char.ToUpperInvariant(type[0]) + type[1..];
        }

        switch (field)
        {
            case "names":
                var given = item["givenName"]?.GetValue<string>();
                var family = item["familyName"]?.GetValue<string>();
                var display = string.Join(' ', new[] { given, family }.Where(s => !string.IsNullOrEmpty(s)));
                if (display.Length == 0)
                {
                    display = item["unstructuredName"]?.GetValue<string>() ?? string.Empty;
                }

                if (display.Length > 0)
                {
                    item["displayName"] = display;
                    item["displayNameLastFirst"] = string.IsNullOrEmpty(family) || string.IsNullOrEmpty(given) ? display : family + ", " + given;
                    item["unstructuredName"] = display;
                }

                break;
            case "phoneNumbers" when item["value"]?.GetValue<string>() is { } phone && phone.TrimStart().StartsWith('+'):
                item["canonicalForm"] = "+" + new string(phone.Where(char.IsAsciiDigit).ToArray());
                break;
            case "memberships" when item["contactGroupMembership"] is JsonObject membership
                && membership["contactGroupResourceName"]?.GetValue<string>() is { } group:
                membership["contactGroupId"] = group["contactGroups/".Length..];
                break;
        }
    }
}
