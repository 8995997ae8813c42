using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Salesmate;

/// <summary>
/// A v4 search (<c>POST /apis/{module}/v4/search?rows=&amp;from=</c>): <c>displayingFields</c> (<c>contact.email</c>),
/// <c>filterQuery.group</c> with <c>operator</c> AND/OR over <c>rules</c> (<c>condition</c>, <c>field.fieldName</c>,
/// <c>data</c>), <c>sort</c> on id, createdAt, lastModifiedAt, name, firstName or lastName, and
/// <c>getRecordsCount</c> for <c>totalRows</c>. At most 250 rows per call, offset paging with <c>from</c>.
/// </summary>
internal sealed class SearchQuery
{
    public const int MaxRows = 250;

    private static readonly string[] Sortable = ["id", "createdAt", "lastModifiedAt", "name", "firstName", "lastName"];
    private static readonly string[] Conditions = ["EQUALS", "NOT_EQUALS", "CONTAINS", "IS_EMPTY", "IS_NOT_EMPTY", "IS_AFTER", "IS_BEFORE"];

    private readonly string module;
    private readonly List<string> displaying;
    private readonly List<(string Condition, string Field, string? Data)> rules = [];
    private readonly string sortField = "id";
    private readonly bool descending;
    private readonly bool count;

    public SearchQuery(string module, JsonObject body, IQueryCollection query)
    {
        this.module = module;
        Rows = Int(query, "rows") ?? 25;
        From = Int(query, "from") ?? 0;
        if (Rows is < 1 or > MaxRows)
        {
            throw SalesmateApiException.Invalid($"rows must be between 1 and {MaxRows}.");
        }

        if (From < 0)
        {
            throw SalesmateApiException.Invalid("from must not be negative.");
        }

        var prefix = module.ToLowerInvariant() + ".";
        displaying = (body["displayingFields"] as JsonArray ?? []).Select(f => ContactStore.JsonText(f) ?? string.Empty).ToList();
        if (displaying.Count == 0 || displaying.Any(f => !f.StartsWith(prefix, StringComparison.Ordinal)))
        {
            throw SalesmateApiException.Invalid($"displayingFields must name {module} fields as {prefix}<field>.");
        }

        displaying = [.. displaying.Select(f => f[prefix.Length..])];
        count = body["getRecordsCount"] is JsonValue c && c.TryGetValue<bool>(out var wanted) && wanted;
        if (body["filterQuery"]?["group"] is JsonObject group)
        {
            Or = ContactStore.JsonText(group["operator"]) == "OR";
            foreach (var rule in (group["rules"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var condition = ContactStore.JsonText(rule["condition"]) ?? string.Empty;
                var field = ContactStore.JsonText(rule["field"]?["fieldName"]) ?? string.Empty;
                if (!Conditions.Contains(condition) || field.Length == 0)
                {
                    throw SalesmateApiException.Invalid($"Unsupported filter condition '{condition}'.");
                }

                rules.Add((condition, field, rule["data"] is JsonValue d ? d.ToString() : null));
            }
        }

        if (body["sort"] is JsonObject sort)
        {
            sortField = ContactStore.JsonText(sort["fieldName"]) ?? "id";
            if (!Sortable.Contains(sortField))
            {
                throw SalesmateApiException.Invalid($"Sorting is only possible on {string.Join(", ", Sortable)}.");
            }

            descending = string.Equals(ContactStore.JsonText(sort["order"]), "desc", StringComparison.OrdinalIgnoreCase);
        }

    }

    public int Rows { get; }

    public int From { get; }

    private bool Or { get; }

    /// <summary>The search's answer (<c>Data</c>): <c>data</c> rows with the displayed fields, and <c>totalRows</c> when asked.</summary>
    public JsonObject Answer(IEnumerable<JsonObject> records)
    {
        var matching = records.Where(Matches).ToList();
        var ordered = descending ? matching.OrderByDescending(SortKey, Comparer.Instance) : matching.OrderBy(SortKey, Comparer.Instance);
        var page = ordered.ThenBy(r => r["id"]!.GetValue<int>()).Skip(From).Take(Rows).Select(Project).ToArray();
        var data = new JsonObject { ["data"] = new JsonArray(page) };
        if (count)
        {
            data["totalRows"] = matching.Count;
        }

        return data;
    }

    private JsonNode Project(JsonObject record)
    {
        var row = new JsonObject { ["id"] = record["id"]!.DeepClone() };
        foreach (var field in displaying)
        {
            if (!record.ContainsKey(field))
            {
                throw SalesmateApiException.Invalid($"Unknown {module} field '{field}'.");
            }

            row[field] = record[field]?.DeepClone();
        }

        return row;
    }

    private bool Matches(JsonObject record)
    {
        if (rules.Count == 0)
        {
            return true;
        }

        bool Test((string Condition, string Field, string? Data) rule)
        {
            var value = Comparable(record, rule.Field);
            return rule.Condition switch
            {
                "EQUALS" => string.Equals(value, rule.Data, StringComparison.OrdinalIgnoreCase),
                "NOT_EQUALS" => !string.Equals(value, rule.Data, StringComparison.OrdinalIgnoreCase),
                "CONTAINS" => value is not null && rule.Data is not null && value.Contains(rule.Data, StringComparison.OrdinalIgnoreCase),
                "IS_EMPTY" => value is null,
                "IS_NOT_EMPTY" => value is not null,
                "IS_AFTER" => value is not null && rule.Data is not null && ContactStore.ParseStamp(value) > ContactStore.ParseStamp(rule.Data),
                "IS_BEFORE" => value is not null && rule.Data is not null && ContactStore.ParseStamp(value) < ContactStore.ParseStamp(rule.Data),
                _ => false,
            };
        }

        return Or ? rules.Any(Test) : rules.All(Test);
    }

    private string? Comparable(JsonObject record, string field)
    {
        if (!record.ContainsKey(field))
        {
            throw SalesmateApiException.Invalid($"Unknown {module} field '{field}'.");
        }

        return record[field] switch
        {
            JsonObject reference => reference["id"]?.ToString(),
            JsonValue value when value.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text) ? null : text,
            JsonValue value => value.ToString(),
            _ => null,
        };
    }

    private object SortKey(JsonObject record) => sortField switch
    {
        "id" => record["id"]!.GetValue<int>(),
        "createdAt" or "lastModifiedAt" => ContactStore.ParseStamp(record[sortField]!.GetValue<string>()),
        _ => ContactStore.JsonText(record[sortField]) ?? string.Empty,
    };

    private static int? Int(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { } text ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw SalesmateApiException.Invalid($"{name} must be a number.") : null;

    /// <summary>Orders the mixed sort keys (numbers, instants, text) of one search, all of one kind.</summary>
    private sealed class Comparer : IComparer<object>
    {
        public static readonly Comparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (int a, int b) => a.CompareTo(b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            _ => 0,
        };
    }
}
