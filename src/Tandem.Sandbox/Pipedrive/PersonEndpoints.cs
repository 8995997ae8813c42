using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>The v2 person calls: list (cursor pagination, <c>updated_since</c>, sorting), get, search, create, patch, delete.</summary>
internal sealed class PersonEndpoints
{
    private readonly PersonStore store;

    public PersonEndpoints(PersonStore store)
    {
        this.store = store;
    }

    public (JsonNode Data, JsonObject? Additional) List(IQueryCollection query)
    {
        var limit = Int(query, "limit") ?? 100;
        if (limit is < 1 or > 500)
        {
            throw PipedriveApiException.Invalid("limit must be between 1 and 500");
        }

        var sortBy = query["sort_by"].FirstOrDefault() ?? "id";
        if (sortBy is not ("id" or "update_time" or "add_time"))
        {
            throw PipedriveApiException.Invalid("sort_by must be one of id, update_time, add_time");
        }

        _ = IncludeFields(query);
        var descending = query["sort_direction"].FirstOrDefault() == "desc";
        IEnumerable<JsonObject> persons = store.Snapshot(includeDeleted: false);
        if (query["ids"].FirstOrDefault() is { Length: > 0 } ids)
        {
            var wanted = ids.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
            persons = persons.Where(p => wanted.Contains(Id(p)));
        }

        if (Int(query, "owner_id") is { } owner)
        {
            persons = persons.Where(p => p["owner_id"]?.GetValue<int>() == owner);
        }

        if (Time(query, "updated_since") is { } since)
        {
            persons = persons.Where(p => PersonStore.ParseStamp(p["update_time"]!.GetValue<string>()) >= since);
        }

        if (Time(query, "updated_until") is { } until)
        {
            persons = persons.Where(p => PersonStore.ParseStamp(p["update_time"]!.GetValue<string>()) < until);
        }

        var keyed = persons.Select(p => (Key: SortKey(p, sortBy), Person: p));
        keyed = descending ? keyed.OrderByDescending(k => k.Key, StringComparer.Ordinal) : keyed.OrderBy(k => k.Key, StringComparer.Ordinal);
        if (query["cursor"].FirstOrDefault() is { Length: > 0 } cursor)
        {
            var after = DecodeCursor(cursor);
            keyed = keyed.Where(k => descending ? string.CompareOrdinal(k.Key, after) < 0 : string.CompareOrdinal(k.Key, after) > 0);
        }

        var page = keyed.Take(limit + 1).ToList();
        var more = page.Count > limit;
        var items = page.Take(limit).ToList();
        var next = more ? Convert.ToBase64String(Encoding.UTF8.GetBytes(items[^1].Key)) : null;
        var fields = query["custom_fields"].FirstOrDefault()?.Split(',');
        return (new JsonArray(items.Select(i => (JsonNode)Shape(i.Person, fields, query)).ToArray()), new JsonObject { ["next_cursor"] = next });
    }

    public JsonObject Get(int id, IQueryCollection query) => Shape(store.Get(id), null, query);

    public JsonObject Create(JsonObject body) => Shape(store.Create(body), null, null);

    public JsonObject Patch(int id, JsonObject body) => Shape(store.Patch(id, body), null, null);

    public JsonObject Delete(int id)
    {
        store.Delete(id);
        return new JsonObject { ["id"] = id };
    }

    /// <summary><c>GET /api/v2/persons/search</c>: matches on name, email or phone; <c>exact_match</c> compares whole values.</summary>
    public (JsonNode Data, JsonObject? Additional) Search(IQueryCollection query)
    {
        var term = query["term"].FirstOrDefault() ?? string.Empty;
        if (term.Length < 2)
        {
            throw PipedriveApiException.Invalid("The term must be at least 2 characters long");
        }

        var exact = query["exact_match"].FirstOrDefault() == "true";
        var fields = (query["fields"].FirstOrDefault() ?? "custom_fields,email,notes,phone,name").Split(',');
        bool Matches(string? value) => value is not null && (exact ? string.Equals(value, term, StringComparison.OrdinalIgnoreCase) : value.Contains(term, StringComparison.OrdinalIgnoreCase));
        var hits = store.Snapshot(includeDeleted: false).Where(p =>
            (fields.Contains("name") && Matches(p["name"]?.GetValue<string>()))
            || (fields.Contains("email") && ((JsonArray)p["emails"]!).Any(e => Matches(e?["value"]?.GetValue<string>())))
            || (fields.Contains("phone") && ((JsonArray)p["phones"]!).Any(e => Matches(e?["value"]?.GetValue<string>()))));
        var items = hits.Select(p => (JsonNode)new JsonObject
        {
            ["result_score"] = 1.0,
            ["item"] = new JsonObject
            {
                ["id"] = Id(p),
                ["type"] = "person",
                ["name"] = p["name"]?.GetValue<string>(),
                ["phones"] = new JsonArray(((JsonArray)p["phones"]!).Select(x => (JsonNode?)x?["value"]?.GetValue<string>()).ToArray()),
                ["emails"] = new JsonArray(((JsonArray)p["emails"]!).Select(x => (JsonNode?)x?["value"]?.GetValue<string>()).ToArray()),
                ["visible_to"] = p["visible_to"]?.GetValue<int>(),
                ["owner"] = new JsonObject { ["id"] = p["owner_id"]?.GetValue<int>() },
                ["custom_fields"] = new JsonArray(),
                ["notes"] = new JsonArray(),
            },
        }).ToArray();
        return (new JsonObject { ["items"] = new JsonArray(items) }, new JsonObject { ["next_cursor"] = null });
    }

    public static int Id(JsonObject person) => person["id"]!.GetValue<int>();

    /// <summary>openapi-v2.yaml declares no person property nullable: an unset one is left out (custom_fields may hold nulls).</summary>
    public static JsonObject WithoutNulls(JsonObject person)
    {
        foreach (var key in person.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            person.Remove(key);
        }

        return person;
    }

    /// <summary>
    /// The values <c>include_fields</c> may name on <c>GET /persons</c> and <c>GET /persons/{id}</c> (openapi-v2.yaml);
    /// the sandbox answers <c>marketing_status</c> and the deal counts, and leaves the others out.
    /// </summary>
    private static readonly string[] Includable =
    [
        "next_activity_id", "last_activity_id", "open_deals_count", "related_open_deals_count", "closed_deals_count",
        "related_closed_deals_count", "participant_open_deals_count", "participant_closed_deals_count", "email_messages_count",
        "activities_count", "done_activities_count", "undone_activities_count", "files_count", "notes_count", "followers_count",
        "won_deals_count", "related_won_deals_count", "lost_deals_count", "related_lost_deals_count", "last_incoming_mail_time",
        "last_outgoing_mail_time", "marketing_status", "doi_status", "smart_bcc_email",
    ];

    /// <summary>The properties that are answered only when <c>include_fields</c> names them.</summary>
    private static readonly string[] OnRequest = ["marketing_status", .. DealCount.All];

    /// <summary>A person as answered without <c>include_fields</c> (writes, webhooks).</summary>
    public static JsonObject WithoutIncludedFields(JsonObject person)
    {
        foreach (var key in OnRequest)
        {
            person.Remove(key);
        }

        return person;
    }

    private static JsonObject Shape(JsonObject person, string[]? customFields, IQueryCollection? query)
    {
        WithoutNulls(person);
        var included = IncludeFields(query);
        foreach (var key in OnRequest.Where(k => !included.Contains(k)))
        {
            person.Remove(key);
        }

        if (customFields is not null && person["custom_fields"] is JsonObject custom)
        {
            foreach (var key in custom.Select(c => c.Key).Where(k => !customFields.Contains(k)).ToList())
            {
                custom.Remove(key);
            }
        }

        return person;
    }

    /// <summary><c>include_fields</c>: a comma-separated list of the spec's values; anything else is refused.</summary>
    private static HashSet<string> IncludeFields(IQueryCollection? query)
    {
        var names = (query?["include_fields"].FirstOrDefault() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.FirstOrDefault(n => !Includable.Contains(n, StringComparer.Ordinal)) is { } unknown)
        {
            throw PipedriveApiException.Invalid($"include_fields: '{unknown}' is not a field that can be included");
        }

        return names.ToHashSet(StringComparer.Ordinal);
    }

    private static string SortKey(JsonObject person, string sortBy) => sortBy switch
    {
        "id" => Id(person).ToString("D10", CultureInfo.InvariantCulture),
        _ => person[sortBy]!.GetValue<string>() + "|" + Id(person).ToString("D10", CultureInfo.InvariantCulture),
    };

    private static string DecodeCursor(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            throw PipedriveApiException.Invalid("Invalid cursor");
        }
    }

    private static int? Int(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw PipedriveApiException.Invalid(name + " must be an integer")
            : null;

    private static DateTimeOffset? Time(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { Length: > 0 } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : throw PipedriveApiException.Invalid(name + " must be an RFC3339 date")
            : null;
}
