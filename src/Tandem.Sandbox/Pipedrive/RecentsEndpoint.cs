using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>v1 <c>/recents</c> for persons: what changed since a moment, deletions included, with v1 start/limit pagination.</summary>
internal static class RecentsEndpoint
{
    /// <summary>
    /// v1 <c>GET /recents?since_timestamp=YYYY-MM-DD HH:MM:SS&amp;items=person&amp;start=&amp;limit=</c>: persons changed
    /// since then, oldest first, deleted ones with <c>active_flag: false</c>, a person another was merged into with that one's id
    /// in <c>merge_what_id</c>; <c>start</c>/<c>limit</c> pagination.
    /// </summary>
    public static (JsonArray Data, JsonObject Additional) List(PersonStore store, IQueryCollection query)
    {
        var sinceText = query["since_timestamp"].FirstOrDefault();
        var since = sinceText is { Length: > 0 }
            && DateTimeOffset.TryParseExact(sinceText, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t : throw PipedriveApiException.Invalid("since_timestamp must be given as YYYY-MM-DD HH:MM:SS");
        var start = IntQuery(query, "start") ?? 0;
        var limit = IntQuery(query, "limit") ?? 100;
        if (start < 0 || limit is < 1 or > 500)
        {
            throw PipedriveApiException.Invalid("start must be 0 or more and limit between 1 and 500");
        }

        var wanted = query["items"].FirstOrDefault() is not { Length: > 0 } items || items.Split(',').Contains("person");
        var changed = wanted
            ? store.Snapshot(includeDeleted: true)
                .Select(p => (Person: p, At: PersonStore.ParseStamp(p["update_time"]!.GetValue<string>())))
                .Where(p => p.At >= since)
                .OrderBy(p => p.At).ThenBy(p => PersonEndpoints.Id(p.Person))
                .ToList()
            : [];
        var page = changed.Skip(start).Take(limit).ToList();
        var data = new JsonArray([.. page.Select(p => (JsonNode)Item(p.Person, p.At, store.MergedWhat(PersonEndpoints.Id(p.Person))))]);
        var additional = PipedriveSandboxRoutes.Pagination(start, limit, more: start + page.Count < changed.Count);
        additional["since_timestamp"] = since.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (page.Count > 0)
        {
            additional["last_timestamp_on_page"] = page[^1].At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }

        return (data, additional);
    }

    private static JsonObject Item(JsonObject person, DateTimeOffset at, int? mergeWhat)
    {
        var data = new JsonObject
        {
            ["id"] = PersonEndpoints.Id(person),
            ["name"] = person["name"]?.GetValue<string>(),
            ["active_flag"] = person["is_deleted"]?.GetValue<bool>() != true,
            ["update_time"] = at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        };
        if (mergeWhat is { } gone && person["is_deleted"]?.GetValue<bool>() != true)
        {
            data["merge_what_id"] = gone;
        }

        return new JsonObject { ["item"] = "person", ["id"] = PersonEndpoints.Id(person), ["data"] = data };
    }

    private static int? IntQuery(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw PipedriveApiException.Invalid(name + " must be an integer")
            : null;
}
