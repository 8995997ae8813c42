using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>
/// A list request's parameters as Pipeliner's "API parameters" page describes them: <c>first</c> (max 100, default 30),
/// <c>after</c> (an opaque cursor from <c>page_info.end_cursor</c>), <c>order-by</c> (api names, <c>-</c> for descending),
/// <c>include-deleted</c>, and <c>filter[field]</c> with <c>filter-op[field]</c> (the operators Pipeliner's OpenAPI lists: eq,
/// ieq, not-eq, not-ieq, contains, icontains, starts, istarts, ends, iends, gt, gte, lt, lte, null, not-null, empty,
/// not-empty; "between" is not simulated). Ties in the order are broken by id (the sandbox's choice: the documentation
/// does not say).
/// </summary>
internal sealed class ContactQuery
{
    private static readonly HashSet<string> Filterable = new(StringComparer.Ordinal)
    {
        "id", "modified", "created", "owner_id", "unit_id", "email1", "email2", "email3", "email4", "email5", "last_name", "first_name",
    };

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal)
    {
        "eq", "ieq", "not-eq", "not-ieq", "contains", "icontains", "starts", "istarts", "ends", "iends", "gt", "gte", "lt", "lte", "null", "not-null", "empty", "not-empty",
    };

    private ContactQuery(int first, string? after, string order, bool descending, bool includeDeleted, List<(string Field, string Op, string Value)> filters)
    {
        First = first;
        After = after;
        Order = order;
        Descending = descending;
        IncludeDeleted = includeDeleted;
        Filters = filters;
    }

    public int First { get; }

    public string? After { get; }

    public string Order { get; }

    public bool Descending { get; }

    public bool IncludeDeleted { get; }

    public List<(string Field, string Op, string Value)> Filters { get; }

    public static ContactQuery Parse(IQueryCollection query)
    {
        var first = 30;
        if (query["first"].FirstOrDefault() is { } firstText && (!int.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out first) || first is < 1 or > 100))
        {
            throw new PipelinerApiException("Parameter 'first' must be a number from 1 to 100.");
        }

        var order = query["order-by"].FirstOrDefault() ?? "created";
        var descending = order.StartsWith('-');
        order = order.TrimStart('-');
        if (order is not ("created" or "modified"))
        {
            throw new PipelinerApiException($"Ordering by '{order}' is not supported.");
        }

        var filters = new List<(string, string, string)>();
        foreach (var (key, values) in query)
        {
            if (!key.StartsWith("filter[", StringComparison.Ordinal) || !key.EndsWith(']'))
            {
                continue;
            }

            var field = key[7..^1];
            if (!Filterable.Contains(field))
            {
                throw new PipelinerApiException($"Filtering by '{field}' is not supported.");
            }

            var op = query[$"filter-op[{field}]"].FirstOrDefault() ?? "eq";
            if (!Operators.Contains(op))
            {
                throw new PipelinerApiException($"Unknown filter operator '{op}'.");
            }

            filters.Add((field, op, values.FirstOrDefault() ?? string.Empty));
        }

        var includeDeleted = string.Equals(query["include-deleted"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        return new ContactQuery(first, query["after"].FirstOrDefault(), order, descending, includeDeleted, filters);
    }

    /// <summary>One page of the contacts matching the query, and whether another follows.</summary>
    public (List<JsonObject> Page, bool More) Run(IEnumerable<JsonObject> contacts)
    {
        var matching = contacts.Where(c => Filters.All(f => Matches(c, f))).ToList();
        Comparison<JsonObject> compare = (a, b) =>
        {
            var byKey = string.CompareOrdinal(Key(a), Key(b));
            return Descending ? -byKey : byKey;
        };
        matching.Sort(compare);
        if (After is { } token)
        {
            var position = Decode(token);
            matching = matching.Where(c => Descending ? string.CompareOrdinal(Key(c), position) < 0 : string.CompareOrdinal(Key(c), position) > 0).ToList();
        }

        return (matching.Take(First).ToList(), matching.Count > First);
    }

    /// <summary>The cursor that continues after this contact.</summary>
    public string CursorOf(JsonObject contact) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Key(contact)));

    private string Key(JsonObject contact) => contact[Order]!.GetValue<string>() + "|" + contact["id"]!.GetValue<string>();

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException ex)
        {
            throw new PipelinerApiException("Parameter 'after' is not a valid cursor.", ex);
        }
    }

    private static bool Matches(JsonObject contact, (string Field, string Op, string Value) filter)
    {
        var (field, op, value) = filter;
        var have = contact[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
        if (field == "id" && op == "eq")
        {
            // Several ids, comma-separated, match any of them (unverified: see the README).
            return value.Split(',').Contains(have, StringComparer.Ordinal);
        }

        if (op is "null" or "empty" or "not-null" or "not-empty")
        {
            return op.StartsWith("not-", StringComparison.Ordinal) == (have.Length > 0);
        }

        var ignoreCase = op.StartsWith('i') || field.StartsWith("email", StringComparison.Ordinal);
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        switch (op)
        {
            case "contains" or "icontains":
                return have.Contains(value, comparison);
            case "starts" or "istarts":
                return have.StartsWith(value, comparison);
            case "ends" or "iends":
                return have.EndsWith(value, comparison);
        }

        int compared;
        if (field is "modified" or "created")
        {
            var at = ContactStore.ParseStamp(value) ?? throw new PipelinerApiException($"Filter value for '{field}' is not a date.");
            compared = ContactStore.ParseStamp(have)!.Value.CompareTo(at);
        }
        else
        {
            compared = string.Compare(have, value, comparison);
        }

        return op switch
        {
            "eq" or "ieq" => compared == 0,
            "not-eq" or "not-ieq" => compared != 0,
            "gt" => compared > 0,
            "gte" => compared >= 0,
            "lt" => compared < 0,
            _ => compared <= 0,
        };
    }
}
