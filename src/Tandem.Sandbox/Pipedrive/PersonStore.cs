using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// The persons and organizations of the sandbox company, in Pipedrive's v2 shape. Times have Pipedrive's
/// one-second resolution, so several changes can share an <c>update_time</c>. Deletion is soft: a deleted
/// person keeps <c>is_deleted: true</c> until it is purged after the retention period. Thread-safe.
/// </summary>
internal sealed class PersonStore
{
    // The v2 POST/PATCH bodies of openapi-v2.yaml: first_name and last_name are read-only (derived from name), so they
    // are ignored like any other undeclared field.
    private static readonly string[] Writable = ["name", "owner_id", "org_id", "emails", "phones", "visible_to", "label_ids", "notes", "birthday", "job_title", "marketing_status", "postal_address", "im"];
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, JsonObject> persons = [];
    private readonly Dictionary<int, DateTimeOffset> deletedAt = [];

    // Survivor → the person last merged into it: recents show it as the survivor's merge_what_id (openapi-v1.yaml's
    // recents person), which the v2 person shapes do not carry.
    private readonly Dictionary<int, int> mergedWhat = [];
    private readonly SortedDictionary<int, string> organizations = [];
    private readonly TimeProvider time;
    private readonly TimeSpan retention;
    private int nextPersonId = 1;
    private int nextOrgId = 1;

    private readonly int defaultOwner;

    public PersonStore(TimeProvider time, TimeSpan retention, int defaultOwner)
    {
        this.time = time;
        this.retention = retention;
        this.defaultOwner = defaultOwner;
    }

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseStamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public T Atomically<T>(Func<T> action)
    {
        lock (gate)
        {
            Purge();
            return action();
        }
    }

    /// <summary>Told of every create, change and delete, inside the store's lock (so in order); must not block.</summary>
    public Action<PersonChange>? Changed { get; set; }

    public int Count => Atomically(() => persons.Values.Count(p => p["is_deleted"]?.GetValue<bool>() != true));

    public int CreateOrganization(string name) => Atomically(() =>
    {
        var id = nextOrgId++;
        organizations[id] = name;
        return id;
    });

    public IReadOnlyList<(int Id, string Name)> Organizations() => Atomically(() => organizations.Select(o => (o.Key, o.Value)).ToList());

    public JsonObject Create(JsonObject input, DateTimeOffset? at = null) => Atomically(() =>
    {
        var stamp = Stamp(at ?? time.GetUtcNow());
        var person = new JsonObject
        {
            ["id"] = nextPersonId++,
            ["add_time"] = stamp,
            ["update_time"] = stamp,
            ["is_deleted"] = false,
            ["visible_to"] = 3,
            ["emails"] = new JsonArray(),
            ["phones"] = new JsonArray(),
            ["label_ids"] = new JsonArray(),
            ["custom_fields"] = new JsonObject(),
        };
        SetDeals(person, 0, 0, 0);
        Apply(person, input);

        // Pipedrive makes the API user the owner when none is given.
        person["owner_id"] ??= defaultOwner;
        var id = person["id"]!.GetValue<int>();
        persons[id] = person;
        Changed?.Invoke(new PersonChange("create", id, (JsonObject)person.DeepClone(), null, time.GetUtcNow()));
        return (JsonObject)person.DeepClone();
    });

    public JsonObject Patch(int id, JsonObject input) => Atomically(() =>
    {
        // Validated on a copy: a refused PATCH leaves the person as it was, as in Pipedrive.
        var before = Live(id);
        var person = (JsonObject)before.DeepClone();
        Apply(person, input);
        person["update_time"] = Stamp(time.GetUtcNow());
        persons[id] = person;
        Changed?.Invoke(new PersonChange("change", id, (JsonObject)person.DeepClone(), (JsonObject)before.DeepClone(), time.GetUtcNow()));
        return (JsonObject)person.DeepClone();
    });

    public void Delete(int id) => Atomically(() =>
    {
        var person = Live(id);
        person["is_deleted"] = true;
        person["update_time"] = Stamp(time.GetUtcNow());
        deletedAt[id] = time.GetUtcNow();
        Changed?.Invoke(new PersonChange("delete", id, (JsonObject)person.DeepClone(), null, time.GetUtcNow()));
        return id;
    });

    /// <summary>
    /// Merges person <paramref name="id"/> into <paramref name="mergeWithId"/> (v1 <c>PUT /persons/{id}/merge</c>): the
    /// person of <c>merge_with_id</c> stays and keeps its values; a field it has empty takes the other's value; deals are
    /// carried over. The merged person is removed like a deleted one; the survivor answers, and shows in recents, with
    /// <c>merge_what_id</c>, the merged person's id, as the spec's merge answer and recents person do.
    /// </summary>
    public JsonObject Merge(int id, int mergeWithId) => Atomically(() =>
    {
        if (id == mergeWithId)
        {
            throw PipedriveApiException.Invalid("Cannot merge a person with itself");
        }

        var gone = Live(id);
        var before = Live(mergeWithId);
        var survivor = (JsonObject)before.DeepClone();
        foreach (var (key, value) in gone)
        {
            if (key is "id" or "add_time" or "update_time" or "is_deleted" || value is null)
            {
                continue;
            }

            if (key == "custom_fields")
            {
                var target = (JsonObject)survivor["custom_fields"]!;
                foreach (var (field, fieldValue) in (JsonObject)value)
                {
                    if (IsEmpty(target[field]) && !IsEmpty(fieldValue))
                    {
                        target[field] = fieldValue!.DeepClone();
                    }
                }
            }
            else if (IsEmpty(survivor[key]) && !IsEmpty(value))
            {
                survivor[key] = value.DeepClone();
            }
        }

        SetDeals(survivor, DealsOf(survivor, DealCount.Open) + DealsOf(gone, DealCount.Open), DealsOf(survivor, DealCount.Won) + DealsOf(gone, DealCount.Won), DealsOf(survivor, DealCount.Lost) + DealsOf(gone, DealCount.Lost));
        var now = time.GetUtcNow();
        survivor["update_time"] = Stamp(now);
        persons[mergeWithId] = survivor;
        gone["is_deleted"] = true;
        gone["update_time"] = Stamp(now);
        mergedWhat[mergeWithId] = id;
        deletedAt[id] = now;
        Changed?.Invoke(new PersonChange("delete", id, (JsonObject)gone.DeepClone(), null, now));
        Changed?.Invoke(new PersonChange("change", mergeWithId, (JsonObject)survivor.DeepClone(), (JsonObject)before.DeepClone(), now));
        var answer = (JsonObject)survivor.DeepClone();
        answer["merge_what_id"] = id;
        return answer;
    });

    /// <summary>
    /// Changes the person's deal counts (open, won, lost; closed = won + lost), which only deals change: the API cannot
    /// write them. With <paramref name="touch"/> the person's <c>update_time</c> moves too and the change is told, as
    /// when a Pipedrive user links a deal (seeding passes false: that is the company's history).
    /// </summary>
    public void Deals(int id, Func<(int Open, int Won, int Lost), (int Open, int Won, int Lost)> change, bool touch) => Atomically(() =>
    {
        var before = Live(id);
        var person = (JsonObject)before.DeepClone();
        var (open, won, lost) = change((DealsOf(person, DealCount.Open), DealsOf(person, DealCount.Won), DealsOf(person, DealCount.Lost)));
        SetDeals(person, open, won, lost);
        if (touch)
        {
            person["update_time"] = Stamp(time.GetUtcNow());
        }

        persons[id] = person;
        if (touch)
        {
            Changed?.Invoke(new PersonChange("change", id, (JsonObject)person.DeepClone(), (JsonObject)before.DeepClone(), time.GetUtcNow()));
        }

        return id;
    });

    public JsonObject Get(int id) => Atomically(() => (JsonObject)Live(id).DeepClone());

    /// <summary>The id of the person last merged into <paramref name="id"/>, or null.</summary>
    public int? MergedWhat(int id) => Atomically(() => mergedWhat.TryGetValue(id, out var gone) ? gone : (int?)null);

    /// <summary>Every person, deleted ones included, as copies.</summary>
    public List<JsonObject> Snapshot(bool includeDeleted) => Atomically(() => persons.Values
        .Where(p => includeDeleted || p["is_deleted"]?.GetValue<bool>() != true)
        .Select(p => (JsonObject)p.DeepClone())
        .ToList());

    private JsonObject Live(int id) =>
        persons.TryGetValue(id, out var person) && person["is_deleted"]?.GetValue<bool>() != true ? person : throw PipedriveApiException.NotFound("Person");

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        JsonValue text when text.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
        _ => false,
    };

    private static int DealsOf(JsonObject person, string key) => person[key]?.GetValue<int>() ?? 0;

    private static void SetDeals(JsonObject person, int open, int won, int lost)
    {
        person[DealCount.Open] = open;
        person[DealCount.Won] = won;
        person[DealCount.Lost] = lost;
        person[DealCount.Closed] = won + lost;
    }

    private void Apply(JsonObject person, JsonObject input)
    {
        foreach (var (key, value) in input)
        {
            if (key == "custom_fields")
            {
                var target = (JsonObject)person["custom_fields"]!;
                foreach (var (field, fieldValue) in value as JsonObject ?? throw PipedriveApiException.Invalid("custom_fields must be an object"))
                {
                    if (fieldValue is JsonArray { Count: 0 })
                    {
                        throw PipedriveApiException.Invalid("Multiple option field value cannot be an empty array; use null to clear it");
                    }

                    target[field] = fieldValue?.DeepClone();
                }
            }
            else if (Writable.Contains(key, StringComparer.Ordinal))
            {
                if (key == "org_id" && value is not null && !organizations.ContainsKey(value.GetValue<int>()))
                {
                    throw PipedriveApiException.Invalid("Organization not found");
                }

                person[key] = value?.DeepClone();
            }
        }

        if (input["name"]?.GetValue<string>() is { } name)
        {
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            person["first_name"] = space < 0 ? name : name[..space];
            person["last_name"] = space < 0 ? null : name[(space + 1)..];
        }

        if (string.IsNullOrWhiteSpace(person["name"]?.GetValue<string>()))
        {
            throw PipedriveApiException.Invalid("Name must be given.");
        }
    }

    private void Purge()
    {
        var horizon = time.GetUtcNow() - retention;
        foreach (var id in deletedAt.Where(d => d.Value < horizon).Select(d => d.Key).ToList())
        {
            persons.Remove(id);
            deletedAt.Remove(id);
        }
    }
}
