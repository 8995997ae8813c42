using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// HubSpot has no tags: Tandem's tags are the portal's static (<c>MANUAL</c>) contact lists, by name (lists.v3.json). A
/// tag nobody has yet becomes a new static list; which lists contacts are in is read for a page of contacts in one call.
/// </summary>
internal sealed class ListDirectory
{
    private const string Contacts = "0-1";
    private const int MembershipBatch = 100;
    private readonly HubSpotClient client;
    private readonly ILogger logger;
    private readonly Dictionary<string, string> idByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> nameById = new(StringComparer.Ordinal);

    private ListDirectory(HubSpotClient client, ILogger logger)
    {
        this.client = client;
        this.logger = logger;
    }

    public static async Task<ListDirectory> LoadAsync(HubSpotClient client, ILogger logger, CancellationToken cancellationToken)
    {
        var directory = new ListDirectory(client, logger);
        var offset = 0;
        while (true)
        {
            var answer = await client.ReadAsync("crm/v3/lists/search", new JsonObject
            {
                ["query"] = string.Empty,
                ["processingTypes"] = new JsonArray("MANUAL"),
                ["additionalProperties"] = new JsonArray(),
                ["offset"] = offset,
                ["count"] = 500,
            }, cancellationToken).ConfigureAwait(false);
            foreach (var list in Json.Items(answer, "lists").Where(l => Json.Text(l, "objectTypeId") == Contacts && Json.Text(l, "processingType") == "MANUAL"))
            {
                if (Json.Text(list, "listId") is { } id && Json.Text(list, "name") is { } name)
                {
                    directory.Add(id, name);
                }
            }

            if (answer["hasMore"]?.GetValue<bool>() != true || Json.Int(answer, "offset") is not { } next || next <= offset)
            {
                return directory;
            }

            offset = next;
        }
    }

    /// <summary>The names of the static lists each contact is in; no call when the portal has no static list.</summary>
    public async Task<IReadOnlyDictionary<string, List<string>>> TagsOfAsync(IReadOnlyList<string> contactIds, CancellationToken cancellationToken)
    {
        var tags = contactIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        if (nameById.Count == 0)
        {
            return tags;
        }

        foreach (var chunk in tags.Keys.ToList().Chunk(MembershipBatch))
        {
            var answer = await client.ReadAsync("crm/v3/lists/records/memberships/batch/read", new JsonObject
            {
                ["inputs"] = new JsonArray([.. chunk.Select(id => (JsonNode)new JsonObject { ["objectTypeId"] = Contacts, ["recordId"] = id })]),
            }, cancellationToken).ConfigureAwait(false);
            foreach (var record in Json.Items(answer, "results"))
            {
                if (Json.Text(record, "recordId") is { } id && tags.TryGetValue(id, out var names))
                {
                    names.AddRange(Json.Items(record, "recordListMemberships").Select(m => Json.Text(m, "listId")).OfType<string>()
                        .Select(nameById.GetValueOrDefault).OfType<string>());
                }
            }
        }

        return tags;
    }

    /// <summary>Adds the contacts to the static list named <paramref name="tag"/>, making the list first if there is none.</summary>
    public async Task AddAsync(string tag, IReadOnlyList<string> contactIds, CancellationToken cancellationToken)
    {
        if (!idByName.TryGetValue(tag, out var id))
        {
            var created = await client.PostAsync("crm/v3/lists", new JsonObject { ["name"] = tag, ["objectTypeId"] = Contacts, ["processingType"] = "MANUAL" }, cancellationToken).ConfigureAwait(false);
            id = Json.Text(created["list"] as JsonObject, "listId") ?? throw new HubSpotApiException("HubSpot created the list but did not say its id.");
            Add(id, tag);
            HubSpotLog.ListCreated(logger, id);
        }

        _ = await client.PutAsync($"crm/v3/lists/{Uri.EscapeDataString(id)}/memberships/add", new JsonArray([.. contactIds.Select(i => (JsonNode)i)]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the contacts from the static list named <paramref name="tag"/>; nothing when there is no such list.</summary>
    public async Task RemoveAsync(string tag, IReadOnlyList<string> contactIds, CancellationToken cancellationToken)
    {
        if (idByName.TryGetValue(tag, out var id))
        {
            _ = await client.PutAsync($"crm/v3/lists/{Uri.EscapeDataString(id)}/memberships/remove", new JsonArray([.. contactIds.Select(i => (JsonNode)i)]), cancellationToken).ConfigureAwait(false);
        }
    }

    private void Add(string id, string name)
    {
        idByName.TryAdd(name, id);
        nameById[id] = name;
    }
}
