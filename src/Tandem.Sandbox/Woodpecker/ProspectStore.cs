using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>
/// The account's global prospect list: prospects by id (ids only grow), one per email (compared without case), each
/// with its <c>updated</c> second. Thread-safe. <see cref="StatusChanged"/> hears of every prospect whose
/// global status changes (BLACKLIST, REPLIED…), for the webhooks.
/// </summary>
internal sealed class ProspectStore
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, StoredProspect> prospects = [];
    private readonly Dictionary<string, int> byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider time;
    private int nextId = 4800;

    public ProspectStore(TimeProvider time)
    {
        this.time = time;
    }

    public Action<StoredProspect>? StatusChanged { get; set; }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return prospects.Count;
            }
        }
    }

    /// <summary>
    /// <c>add_prospects_list</c>: each item is matched by its <c>id</c> when it names an existing prospect, else by email;
    /// a match is updated only with <paramref name="update"/> (fields sent replace, fields omitted stay), otherwise it is
    /// a duplicate; anything else is created ACTIVE unless the item names a status. One result per item, in order.
    /// </summary>
    public List<JsonObject> Upsert(IReadOnlyList<JsonObject> items, bool update, DateTimeOffset? at = null)
    {
        var results = new List<JsonObject>(items.Count);
        var statusChanged = new List<StoredProspect>();
        lock (gate)
        {
            var now = Second(at ?? time.GetUtcNow());
            foreach (var item in items)
            {
                results.Add(UpsertOne(item, update, now, statusChanged));
            }
        }

        foreach (var prospect in statusChanged)
        {
            StatusChanged?.Invoke(prospect);
        }

        return results;
    }

    /// <summary>Deletes the prospects with these ids from the account (and every campaign); unknown ids are ignored.</summary>
    public void Delete(IEnumerable<int> ids)
    {
        lock (gate)
        {
            foreach (var id in ids)
            {
                if (prospects.Remove(id, out var gone))
                {
                    byEmail.Remove(gone.Email);
                }
            }
        }
    }

    /// <summary>A copy of every prospect, by id.</summary>
    public List<StoredProspect> Snapshot()
    {
        lock (gate)
        {
            return prospects.Values.Select(Copy).ToList();
        }
    }

    public StoredProspect? Find(int id)
    {
        lock (gate)
        {
            return prospects.TryGetValue(id, out var p) ? Copy(p) : null;
        }
    }

    /// <summary>Changes fields (and the status) as a Woodpecker user would; the prospect's <c>updated</c> moves.</summary>
    public void Edit(int id, IReadOnlyDictionary<string, string> fields, string? status = null)
    {
        StoredProspect? statusChanged = null;
        lock (gate)
        {
            var prospect = prospects.TryGetValue(id, out var p) ? p : throw new KeyNotFoundException("No prospect " + id.ToString(CultureInfo.InvariantCulture));
            foreach (var (name, value) in fields)
            {
                prospect.Fields[name] = value;
            }

            if (status is not null && status != prospect.Status)
            {
                prospect.Status = status;
                statusChanged = Copy(prospect);
            }

            prospect.Updated = Second(time.GetUtcNow());
        }

        if (statusChanged is not null)
        {
            StatusChanged?.Invoke(statusChanged);
        }
    }

    private JsonObject UpsertOne(JsonObject item, bool update, DateTimeOffset now, List<StoredProspect> statusChanged)
    {
        var email = (Text(item["email"]) ?? string.Empty).Trim();
        if (!LooksLikeEmail(email))
        {
            return Failed(email, "E_EMAIL", "Invalid email format");
        }

        var status = Text(item["status"])?.ToUpperInvariant();
        if (status is not null && !ProspectFields.Statuses.Contains(status))
        {
            return Failed(email, "E_WRONG_PARAM", "Invalid status");
        }

        var existing = int.TryParse(Text(item["id"]), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && prospects.TryGetValue(id, out var byId)
            ? byId
            : byEmail.TryGetValue(email, out var byAddress) ? prospects[byAddress] : null;
        if (existing is not null && !update)
        {
            return Failed(email, "E_DUPLICATE", "The prospect has been added to your prospect base before");
        }

        if (existing is not null && byEmail.TryGetValue(email, out var holder) && holder != existing.Id)
        {
            return Failed(email, "E_DUPLICATE", "Another prospect has this email");
        }

        var prospect = existing ?? new StoredProspect(nextId++, now);
        foreach (var name in ProspectFields.Writable)
        {
            if (item[name] is { } value)
            {
                prospect.Fields[name] = Text(value) ?? string.Empty;
            }
        }

        byEmail.Remove(prospect.Email);
        prospect.Fields["email"] = email;
        byEmail[email] = prospect.Id;
        if (status is not null && status != prospect.Status)
        {
            prospect.Status = status;
            if (existing is not null)
            {
                statusChanged.Add(Copy(prospect));
            }
        }

        prospect.Updated = now;
        prospects[prospect.Id] = prospect;
        return new JsonObject { ["email"] = email, ["id"] = prospect.Id, ["status"] = "OK" };
    }

    private static JsonObject Failed(string email, string code, string message) =>
        new() { ["email"] = email, ["status"] = "ERROR", ["code"] = code, ["msg"] = message };

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static DateTimeOffset Second(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    private static StoredProspect Copy(StoredProspect p)
    {
        var copy = new StoredProspect(p.Id, p.Updated) { Status = p.Status };
        foreach (var (k, v) in p.Fields)
        {
            copy.Fields[k] = v;
        }

        return copy;
    }
}
