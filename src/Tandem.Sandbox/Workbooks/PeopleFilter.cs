using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// The filters of a request (<c>_ff[]</c>/<c>_ft[]</c>/<c>_fc[]</c> with <c>_fm</c>, or <c>_filter_json</c>) and the
/// operators of the client library README's table, applied to people. Deleted people are hidden unless a filter names
/// <c>is_deleted</c> (README, "Visibility of Deleted Objects").
/// </summary>
internal sealed class PeopleFilter
{
    private readonly List<(string Field, string Op, string Criterion)> filters;
    private readonly Func<IReadOnlyList<bool>, bool> match;
    private readonly PersonFieldCatalog catalog;

    private PeopleFilter(List<(string Field, string Op, string Criterion)> filters, Func<IReadOnlyList<bool>, bool> match, PersonFieldCatalog catalog)
    {
        this.filters = filters;
        this.match = match;
        this.catalog = catalog;
    }

    public bool NamesDeleted => filters.Any(f => f.Field == "is_deleted");

    /// <summary>The ids a write's working-set filter selects by <c>id eq</c>, for checking that each object is in it.</summary>
    public static PeopleFilter Read(WorkbooksParameters parameters, PersonFieldCatalog catalog)
    {
        var list = new List<(string, string, string)>();
        if (parameters.One("_filter_json") is { } json)
        {
            try
            {
                foreach (var item in JsonNode.Parse(json) as JsonArray ?? [])
                {
                    if (item is JsonArray { Count: 3 } triple)
                    {
                        list.Add((triple[0]!.ToString(), triple[1]!.ToString(), triple[2]?.ToString() ?? string.Empty));
                    }
                }
            }
            catch (JsonException)
            {
                throw new WorkbooksApiException(406, "invalid_filter", "The filter (_filter_json) is not valid JSON.");
            }
        }
        else
        {
            var fields = parameters.Array("_ff");
            var ops = parameters.Array("_ft");
            var criteria = parameters.Array("_fc");
            if (fields.Count != ops.Count || fields.Count != criteria.Count)
            {
                throw new WorkbooksApiException(406, "invalid_filter", "The filter arrays _ff[], _ft[] and _fc[] must have the same length.");
            }

            list.AddRange(fields.Select((f, i) => (f, ops[i], criteria[i])));
        }

        var mode = parameters.One("_fm") ?? parameters.Array("_fm").FirstOrDefault();
        return new PeopleFilter(list, FilterExpression.Parse(mode, list.Count), catalog);
    }

    public bool Matches(StoredPerson person)
    {
        if (person.IsDeleted && !NamesDeleted)
        {
            return false;
        }

        return match([.. filters.Select(f => Test(person, f.Field, f.Op, f.Criterion))]);
    }

    private bool Test(StoredPerson person, string field, string op, string criterion)
    {
        var datatype = catalog.Find(field)?.Datatype ?? throw new WorkbooksApiException(406, "invalid_filter", $"The field '{field}' cannot be filtered on.");
        var value = person.Value(field);
        var text = value switch
        {
            null => string.Empty,
            JsonValue v when v.TryGetValue<string>(out var s) => s.Trim(),
            _ => value.ToJsonString(),
        };
        switch (op)
        {
            case "blank":
                return text.Length == 0;
            case "not_blank":
                return text.Length > 0;
            case "true":
                return text == "true";
            case "false":
                return text != "true";
        }

        if (datatype == "boolean")
        {
            var wanted = criterion.Trim() is "1" or "true" or "t";
            return op switch
            {
                "eq" => (text == "true") == wanted,
                "ne" => (text == "true") != wanted,
                _ => throw Unsupported(op, field),
            };
        }

        if (Comparable(datatype, text) is { } left)
        {
            if (op == "eq" && !IsRangeType(datatype))
            {
                return Values(criterion).Select(c => Comparable(datatype, c)).Any(c => c == left);
            }

            var right = Comparable(datatype, criterion) ?? throw new WorkbooksApiException(406, "invalid_filter", $"'{criterion}' cannot be compared with {field}.");
            return op switch
            {
                "eq" => left == right,
                "ne" => left != right,
                "gt" => left > right,
                "ge" => left >= right,
                "lt" => left < right,
                "le" => left <= right,
                _ => throw Unsupported(op, field),
            };
        }

        if (IsRangeType(datatype) || datatype is "integer" or "decimal")
        {
            return op == "ne";
        }

        return op switch
        {
            "eq" => Values(criterion).Any(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)),
            "ne" => !string.Equals(criterion, text, StringComparison.OrdinalIgnoreCase),
            "ct" => text.Contains(criterion, StringComparison.OrdinalIgnoreCase),
            "nct" => !text.Contains(criterion, StringComparison.OrdinalIgnoreCase),
            "bg" => text.StartsWith(criterion, StringComparison.OrdinalIgnoreCase),
            "nbg" => !text.StartsWith(criterion, StringComparison.OrdinalIgnoreCase),
            _ => throw Unsupported(op, field),
        };
    }

    private static bool IsRangeType(string datatype) => datatype is "datetime" or "date";

    /// <summary>A number for ordered comparisons: datetimes as epoch seconds, dates as day numbers, numbers as decimals.</summary>
    private static decimal? Comparable(string datatype, string text) => datatype switch
    {
        "datetime" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var stored) ? stored
            : WorkbooksFormats.ParseDateTime(text)?.ToUnixTimeSeconds(),
        "date" => WorkbooksFormats.ParseDate(text)?.DayNumber,
        "integer" or "decimal" => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null,
        _ => null,
    };

    /// <summary>An <c>eq</c> criterion's values: a comma list is an IN, and "\," is a comma inside a value.</summary>
    private static IEnumerable<string> Values(string criterion) =>
        criterion.Replace("\\,", "\u0001", StringComparison.Ordinal).Split(',').Select(v => v.Replace('\u0001', ',').Trim());

    private static WorkbooksApiException Unsupported(string op, string field) => new(406, "invalid_filter", $"The filter type '{op}' cannot be used on {field}.");
}
