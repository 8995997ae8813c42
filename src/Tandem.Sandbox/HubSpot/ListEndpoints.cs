using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// Contact lists (lists.v3.json): create a list, search lists by name and processing type, add and remove members of a
/// static (<c>MANUAL</c>) list, and read the lists records belong to in one batch. Dynamic lists are not simulated.
/// </summary>
internal sealed class ListEndpoints(ContactStore store)
{
    public const string ContactObjectType = "0-1";

    private readonly Lock gate = new();
    private readonly List<StoredList> lists = [];
    private long nextId = 11;

    public JsonObject Create(JsonObject body)
    {
        var name = body["name"]?.GetValue<string>()?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw HubSpotApiException.Invalid("name is required.");
        }

        var objectType = body["objectTypeId"]?.GetValue<string>();
        var processing = body["processingType"]?.GetValue<string>();
        if (objectType != ContactObjectType || processing is not ("MANUAL" or "SNAPSHOT" or "DYNAMIC"))
        {
            throw HubSpotApiException.Invalid("objectTypeId must be 0-1 and processingType MANUAL, SNAPSHOT or DYNAMIC.");
        }

        if (processing != "MANUAL")
        {
            throw HubSpotApiException.Invalid("The sandbox simulates static (MANUAL) lists only.");
        }

        lock (gate)
        {
            if (lists.Any(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw HubSpotApiException.Invalid($"A list named '{name}' already exists.");
            }

            var list = new StoredList(nextId++.ToString(CultureInfo.InvariantCulture), name, store.Now);
            lists.Add(list);
            return new JsonObject { ["list"] = Render(list) };
        }
    }

    public JsonObject Search(JsonObject body)
    {
        var query = body["query"]?.GetValue<string>() ?? string.Empty;
        var types = (body["processingTypes"] as JsonArray ?? []).Select(t => t?.GetValue<string>()).OfType<string>().ToList();
        var offset = body["offset"]?.GetValue<int>() ?? 0;
        var count = Math.Clamp(body["count"]?.GetValue<int>() ?? 20, 1, 500);
        lock (gate)
        {
            var matching = lists.Where(l => l.Name.Contains(query, StringComparison.OrdinalIgnoreCase) && (types.Count == 0 || types.Contains("MANUAL"))).ToList();
            var page = matching.Skip(offset).Take(count).ToList();
            return new JsonObject
            {
                ["lists"] = new JsonArray([.. page.Select(l => (JsonNode)SearchResult(l))]),
                ["offset"] = offset + page.Count,
                ["hasMore"] = offset + page.Count < matching.Count,
                ["total"] = matching.Count,
            };
        }
    }

    public JsonObject Add(string listId, JsonArray ids) => Change(listId, ids, add: true);

    public JsonObject Remove(string listId, JsonArray ids) => Change(listId, ids, add: false);

    public JsonObject Memberships(JsonObject body)
    {
        var results = new JsonArray();
        foreach (var input in (body["inputs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var recordId = input["recordId"]?.GetValue<string>() ?? string.Empty;
            var id = ContactInput.Id(recordId);
            lock (gate)
            {
                results.Add(new JsonObject
                {
                    ["objectTypeId"] = ContactObjectType,
                    ["recordId"] = recordId,
                    ["recordListMemberships"] = new JsonArray([.. lists.Where(l => id is { } i && l.Members.ContainsKey(i)).Select(l => (JsonNode)new JsonObject
                    {
                        ["listId"] = l.Id,
                        ["listVersion"] = l.Version,
                        ["firstAddedTimestamp"] = HubSpotValues.Stamp(l.Members[id!.Value]),
                        ["lastAddedTimestamp"] = HubSpotValues.Stamp(l.Members[id.Value]),
                    })]),
                });
            }
        }

        var at = HubSpotValues.Stamp(store.Now);
        return new JsonObject { ["status"] = "COMPLETE", ["results"] = results, ["startedAt"] = at, ["completedAt"] = at };
    }

    /// <summary>The names of the static lists a contact is in (for tests).</summary>
    public IReadOnlyList<string> ListsOf(long contactId)
    {
        lock (gate)
        {
            return [.. lists.Where(l => l.Members.ContainsKey(contactId)).Select(l => l.Name).Order(StringComparer.Ordinal)];
        }
    }

    private JsonObject Change(string listId, JsonArray ids, bool add)
    {
        lock (gate)
        {
            var list = lists.FirstOrDefault(l => l.Id == listId) ?? throw HubSpotApiException.NotFound($"List {listId} does not exist.");
            var done = new JsonArray();
            var missing = new JsonArray();
            foreach (var text in ids.Select(i => i?.GetValue<string>() ?? string.Empty))
            {
                var contact = ContactInput.Id(text) is { } id ? store.Live(id) : null;
                if (contact is null)
                {
                    missing.Add(text);
                }
                else if (add ? list.Members.TryAdd(contact.Id, store.Now) : list.Members.Remove(contact.Id))
                {
                    done.Add(ContactStore.Id(contact.Id));
                }
            }

            list.Version++;
            list.UpdatedAt = store.Now;
            return new JsonObject
            {
                ["recordsIdsAdded"] = add ? done : new JsonArray(),
                ["recordIdsRemoved"] = add ? new JsonArray() : done,
                ["recordIdsMissing"] = missing,
            };
        }
    }

    private static JsonObject Render(StoredList list) => new()
    {
        ["listId"] = list.Id,
        ["listVersion"] = list.Version,
        ["name"] = list.Name,
        ["objectTypeId"] = ContactObjectType,
        ["processingType"] = "MANUAL",
        ["processingStatus"] = "COMPLETE",
        ["createdAt"] = HubSpotValues.Stamp(list.CreatedAt),
        ["updatedAt"] = HubSpotValues.Stamp(list.UpdatedAt),
        ["size"] = list.Members.Count,
    };

    private static JsonObject SearchResult(StoredList list)
    {
        var result = Render(list);
        result.Remove("size");
        result["additionalProperties"] = new JsonObject { ["hs_list_size"] = list.Members.Count.ToString(CultureInfo.InvariantCulture) };
        return result;
    }

    private sealed class StoredList(string id, string name, DateTimeOffset createdAt)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset UpdatedAt { get; set; } = createdAt;

        public int Version { get; set; } = 1;

        /// <summary>Member contact ids and when each was added.</summary>
        public Dictionary<long, DateTimeOffset> Members { get; } = [];
    }
}
