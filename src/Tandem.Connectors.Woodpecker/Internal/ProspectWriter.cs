using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Woodpecker.Internal;

/// <summary>
/// Canonical values as one item of <c>add_prospects_list</c>: fields by Woodpecker's names (a cleared field is an empty
/// string; a field left out stays as it is), a list's primary entry where the prospect holds one value, the tags as
/// one <c>#TAG</c> string, and <c>status: BLACKLIST</c> to unsubscribe. Tandem never sends any other status, so it
/// never takes a prospect off the blacklist.
/// </summary>
internal static class ProspectWriter
{
    public static JsonObject Create(CreateOperation create)
    {
        var item = new JsonObject();
        foreach (var (key, value) in create.Fields)
        {
            Put(item, key, value);
        }

        if (!create.Tags.IsEmpty)
        {
            item["tags"] = ProspectTags.Write(create.Tags);
        }

        if (create.Unsubscribed)
        {
            item["status"] = ProspectReader.Blacklist;
        }

        return item;
    }

    /// <summary>The item that updates <paramref name="current"/>: its id and email (Woodpecker matches on them) and only what changes.</summary>
    public static JsonObject Update(UpdateOperation update, JsonObject current)
    {
        var item = new JsonObject
        {
            ["id"] = ProspectReader.Id(current),
            ["email"] = Json.Text(current, "email") ?? string.Empty,
        };
        foreach (var change in update.Changes)
        {
            Put(item, change.Key, change.Value);
        }

        if (update.AddTags.Count > 0 || update.RemoveTags.Count > 0)
        {
            var tags = ProspectTags.Read(Json.Text(current, "tags")).ToList();
            tags.RemoveAll(t => update.RemoveTags.Contains(t, StringComparer.Ordinal));
            tags.AddRange(update.AddTags.Where(t => !tags.Contains(t, StringComparer.Ordinal)));
            item["tags"] = ProspectTags.Write(tags);
        }

        if (update.Unsubscribe && Json.Text(current, "status") != ProspectReader.Blacklist)
        {
            item["status"] = ProspectReader.Blacklist;
        }

        return item;
    }

    /// <summary>The prospect as Woodpecker holds it after the item was applied (fields sent replace, others stay).</summary>
    public static JsonObject Merged(JsonObject? current, JsonObject item, string id)
    {
        var merged = current?.DeepClone() as JsonObject ?? new JsonObject { ["status"] = "ACTIVE" };
        foreach (var (name, value) in item)
        {
            merged[name] = value?.DeepClone();
            if (name.StartsWith("snippet", StringComparison.Ordinal))
            {
                // The listing's legacy names of a snippet would otherwise still show the old value.
                merged.Remove("snipet" + name["snippet".Length..]);
                if (name == "snippet9")
                {
                    merged.Remove("snipper9");
                }
            }
        }

        merged["id"] = int.Parse(id, CultureInfo.InvariantCulture);
        return merged;
    }

    private static void Put(JsonObject item, string key, FieldValue? value)
    {
        var text = value switch
        {
            ListValue list => list.Primary.Text,
            ScalarValue scalar => scalar.Text,
            _ => string.Empty,
        };
        switch (key)
        {
            case StandardFieldKeys.FirstName: item["first_name"] = text; break;
            case StandardFieldKeys.LastName: item["last_name"] = text; break;
            case StandardFieldKeys.Emails: item["email"] = text; break;
            case StandardFieldKeys.Phones: item["phone"] = text; break;
            case StandardFieldKeys.Org: item["company"] = text; break;
            case StandardFieldKeys.Title: item["title"] = text; break;
            case WoodpeckerFieldKeys.Industry: item["industry"] = text; break;
            case WoodpeckerFieldKeys.Website: item["website"] = text; break;
            case WoodpeckerFieldKeys.LinkedIn: item["linkedin_url"] = text; break;
            case StandardFieldKeys.Addresses:
                var parts = text.Length == 0 ? new string[5] : text.Split(Values.PartSeparator);
                item["address"] = Part(parts, 0);
                item["city"] = Part(parts, 1);
                item["state"] = Part(parts, 2);
                item["country"] = Part(parts, 4);
                break;
            case var snippet when snippet.StartsWith(WoodpeckerFieldKeys.SnippetPrefix, StringComparison.Ordinal)
                && int.TryParse(snippet.AsSpan(WoodpeckerFieldKeys.SnippetPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n is >= 1 and <= WoodpeckerSchema.Snippets:
                item[snippet] = text;
                break;

            // The status is Woodpecker's (replies, bounces, opt-outs), and fields it does not have are not written.
            default: break;
        }
    }

    private static string Part(string[] parts, int index) => index < parts.Length ? parts[index] ?? string.Empty : string.Empty;
}
