using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>The contactGroups.* methods: list, get, create and members:modify.</summary>
internal sealed class ContactGroupEndpoints
{
    private readonly PeopleStore store;

    public ContactGroupEndpoints(PeopleStore store)
    {
        this.store = store;
    }

    public JsonObject List()
    {
        var groups = store.Groups();
        return new JsonObject
        {
            ["contactGroups"] = new JsonArray(groups.Select(g => (JsonNode)Render(g, maxMembers: 0)).ToArray()),
            ["totalItems"] = groups.Count,
            ["nextSyncToken"] = "grp-" + store.Sequence.ToString(CultureInfo.InvariantCulture),
        };
    }

    public JsonObject Get(string resourceName, IQueryCollection query)
    {
        var group = store.Group(resourceName) ?? throw GoogleApiException.NotFound();
        var max = int.TryParse(query["maxMembers"], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        return Render(group, max);
    }

    public JsonObject Create(JsonObject body)
    {
        var name = body["contactGroup"]?["name"]?.GetValue<string>() ?? throw GoogleApiException.Invalid("contactGroup.name is required.");
        return Render(store.CreateGroup(name), maxMembers: 0);
    }

    public JsonObject ModifyMembers(string resourceName, JsonObject body)
    {
        static List<string> Names(JsonNode? node) => (node as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? string.Empty).ToList();
        var add = Names(body["resourceNamesToAdd"]);
        var remove = Names(body["resourceNamesToRemove"]);
        if (add.Count + remove.Count > 1000)
        {
            throw GoogleApiException.Invalid("At most 1000 resource names may be added and removed at once.");
        }

        var (notFound, lastGroup) = store.ModifyMembers(resourceName, add, remove);
        var response = new JsonObject();
        if (notFound.Count > 0)
        {
            response["notFoundResourceNames"] = new JsonArray(notFound.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        }

        if (lastGroup.Count > 0)
        {
            response["canNotRemoveLastContactGroupResourceNames"] = new JsonArray(lastGroup.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        }

        return response;
    }

    private JsonObject Render(StoredGroup group, int maxMembers)
    {
        var members = store.Members(group.ResourceName);
        var json = new JsonObject
        {
            ["resourceName"] = group.ResourceName,
            ["etag"] = group.Etag,
            ["metadata"] = new JsonObject { ["updateTime"] = group.UpdateTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) },
            ["groupType"] = group.IsSystem ? "SYSTEM_CONTACT_GROUP" : "USER_CONTACT_GROUP",
            ["name"] = group.Name,
            ["formattedName"] = group.FormattedName,
        };
        if (members.Count > 0)
        {
            json["memberCount"] = members.Count;
        }

        if (maxMembers > 0 && members.Count > 0)
        {
            json["memberResourceNames"] = new JsonArray(members.Take(maxMembers).Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        }

        return json;
    }
}
