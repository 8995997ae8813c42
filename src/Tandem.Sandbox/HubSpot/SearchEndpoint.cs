using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// <c>POST /crm/v3/objects/contacts/search</c> (contacts.v3.json; HubSpot's "Search the CRM" guide): filter groups (OR of
/// ANDs, at most 5 groups of 6 filters), sorts, at most 200 results a page, paging by offset in <c>after</c> and never
/// past 10,000 results of one query (a 400), and its own per-second limit, whose answers carry none of the
/// <c>X-HubSpot-RateLimit-*</c> headers.
/// </summary>
internal sealed class SearchEndpoint(ContactStore store, PropertyCatalog catalog, HubSpotRateLimits limits, HubSpotSandboxOptions options)
{
    private const int MaxLimit = 200;
    private const int MaxGroups = 5;
    private const int MaxFilters = 6;

    public JsonObject Search(JsonObject body)
    {
        if (!limits.TakeSearch())
        {
            throw HubSpotFaults.RateLimited(HubSpotRateLimits.Secondly);
        }

        var limit = body["limit"] is JsonValue l && l.TryGetValue<int>(out var n) ? n : 10;
        if (limit is < 1 or > MaxLimit)
        {
            throw HubSpotApiException.Invalid($"limit must be between 1 and {MaxLimit}.");
        }

        var after = int.TryParse(body["after"]?.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 0;
        if (after + limit > options.SearchResultCap)
        {
            throw HubSpotApiException.Invalid($"The search API can return at most {options.SearchResultCap} results for one query; narrow the filters instead of paging further.");
        }

        var groups = (body["filterGroups"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (groups.Count > MaxGroups || groups.Any(g => (g["filters"] as JsonArray ?? []).Count > MaxFilters))
        {
            throw HubSpotApiException.Invalid($"Too many filter groups or filters: at most {MaxGroups} groups of {MaxFilters} filters.");
        }

        var matching = store.Snapshot().Where(c => groups.Count == 0 || groups.Any(g => (g["filters"] as JsonArray ?? []).OfType<JsonObject>().All(f => Matches(c, f)))).ToList();
        var sorted = Sort(matching, body["sorts"] as JsonArray ?? []);
        var page = sorted.Skip(after).Take(limit).ToList();
        var names = ContactInput.Names(body["properties"]);
        var answer = new JsonObject
        {
            ["total"] = matching.Count,
            ["results"] = new JsonArray([.. page.Select(c => (JsonNode)ContactStore.Render(c, names))]),
        };
        if (after + limit < matching.Count && after + limit < options.SearchResultCap)
        {
            var next = (after + limit).ToString(CultureInfo.InvariantCulture);
            answer["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next, ["link"] = "?after=" + next } };
        }

        return answer;
    }

    /// <summary>Sorts given as HubSpot's guide writes them (<c>{propertyName, direction}</c>) or as the spec types them (a name, <c>-</c> for descending).</summary>
    private List<StoredContact> Sort(List<StoredContact> contacts, JsonArray sorts)
    {
        IOrderedEnumerable<StoredContact>? ordered = null;
        foreach (var sort in sorts)
        {
            var (name, descending) = sort switch
            {
                JsonObject o => (o["propertyName"]?.GetValue<string>() ?? "hs_object_id", o["direction"]?.GetValue<string>() == "DESCENDING"),
                JsonValue v when v.TryGetValue<string>(out var s) => (s.TrimStart('-'), s.StartsWith('-')),
                _ => ("hs_object_id", false),
            };
            var comparer = Comparer<StoredContact>.Create((x, y) => Compare(name, ContactStore.Value(x, name), ContactStore.Value(y, name)));
            ordered = ordered is null
                ? descending ? contacts.OrderDescending(comparer) : contacts.Order(comparer)
                : descending ? ordered.ThenByDescending(c => c, comparer) : ordered.ThenBy(c => c, comparer);
        }

        // Ties (and an unsorted search) come in id order.
        return (ordered?.ThenBy(c => c.Id) ?? contacts.OrderBy(c => c.Id)).ToList();
    }

    private bool Matches(StoredContact contact, JsonObject filter)
    {
        var name = filter["propertyName"]?.GetValue<string>() ?? throw HubSpotApiException.Invalid("A filter needs a propertyName.");
        if (catalog.Find(name) is null)
        {
            throw HubSpotApiException.Invalid($"There was a problem with the request: unknown property '{name}'.");
        }

        var value = ContactStore.Value(contact, name);
        var given = filter["value"]?.ToString();
        var values = (filter["values"] as JsonArray ?? []).Select(v => v?.ToString()).OfType<string>().ToList();
        return filter["operator"]?.GetValue<string>() switch
        {
            "EQ" => value is not null && Compare(name, value, given) == 0,
            "NEQ" => value is null || Compare(name, value, given) != 0,
            "LT" => value is not null && Compare(name, value, given) < 0,
            "LTE" => value is not null && Compare(name, value, given) <= 0,
            "GT" => value is not null && Compare(name, value, given) > 0,
            "GTE" => value is not null && Compare(name, value, given) >= 0,
            "BETWEEN" => value is not null && Compare(name, value, given) >= 0 && Compare(name, value, filter["highValue"]?.ToString()) <= 0,
            "IN" => value is not null && values.Any(v => Compare(name, value, v) == 0),
            "NOT_IN" => value is null || values.All(v => Compare(name, value, v) != 0),
            "HAS_PROPERTY" => value is not null,
            "NOT_HAS_PROPERTY" => value is null,
            "CONTAINS_TOKEN" => value is not null && given is not null && value.Split([' ', ';', '@', '.'], StringSplitOptions.RemoveEmptyEntries).Contains(given.Trim('*'), StringComparer.OrdinalIgnoreCase),
            "NOT_CONTAINS_TOKEN" => value is null || given is null || !value.Split([' ', ';', '@', '.'], StringSplitOptions.RemoveEmptyEntries).Contains(given.Trim('*'), StringComparer.OrdinalIgnoreCase),
            var op => throw HubSpotApiException.Invalid($"Unknown filter operator '{op}'."),
        };
    }

    /// <summary>Dates and numbers compare as numbers (a date-time given as epoch milliseconds or ISO 8601), the rest without case.</summary>
    private int Compare(string name, string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        switch (catalog.Find(name)?.Type)
        {
            case "datetime" or "date" when HubSpotValues.Millis(left) is { } l && HubSpotValues.Millis(right) is { } r:
                return l.CompareTo(r);
            case "number" when decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var y):
                return x.CompareTo(y);
            default:
                return string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
        }
    }
}
