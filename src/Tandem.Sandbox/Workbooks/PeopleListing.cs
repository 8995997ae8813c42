using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// <c>GET /crm/people.api</c>: filtered, sorted (<c>_sort</c>/<c>_dir</c> or their arrays; id ascending by default),
/// paged by <c>_start</c>/<c>_limit</c> (the limit is ignored without a start, and at most 100 rows come back then),
/// columns chosen by <c>_select_columns[]</c>, the total skipped with <c>__skip_total_rows</c>.
/// </summary>
internal sealed class PeopleListing
{
    private const int DefaultLimit = 100;

    private readonly PeopleStore store;
    private readonly PersonFieldCatalog catalog;

    public PeopleListing(PeopleStore store, PersonFieldCatalog catalog)
    {
        this.store = store;
        this.catalog = catalog;
    }

    public (JsonArray Rows, int Total) List(WorkbooksParameters parameters)
    {
        var filter = PeopleFilter.Read(parameters, catalog);
        var start = Number(parameters.One("_start"), "_start");
        var limit = start is null ? DefaultLimit : Number(parameters.One("_limit"), "_limit") ?? DefaultLimit;
        var columns = parameters.Array("_select_columns");
        List<StoredPerson> matching;
        lock (store.Gate)
        {
            matching = [.. Sorted(store.AllLocked().Where(filter.Matches), parameters).Select(p => p.Copy())];
        }

        var page = matching.Skip(start ?? 0).Take(limit).Select(p => (JsonNode)Select(p.Render(catalog), columns)).ToArray();
        return (new JsonArray(page), parameters.Flag("__skip_total_rows") ? page.Length : matching.Count);
    }

    private IEnumerable<StoredPerson> Sorted(IEnumerable<StoredPerson> people, WorkbooksParameters parameters)
    {
        var columns = parameters.Array("_sort");
        var directions = parameters.Array("_dir");
        IOrderedEnumerable<StoredPerson>? sorted = null;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var descending = i < directions.Count && directions[i].Equals("DESC", StringComparison.OrdinalIgnoreCase);
            var datatype = catalog.Find(column)?.Datatype ?? throw new WorkbooksApiException(406, "invalid_sort", $"The list cannot be sorted by '{column}'.");
            Func<StoredPerson, IComparable> key = datatype is "integer" or "datetime"
                ? p => long.TryParse(p.Value(column)?.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : long.MinValue
                : p => p.Value(column)?.ToString() ?? string.Empty;
            sorted = sorted is null
                ? descending ? people.OrderByDescending(key) : people.OrderBy(key)
                : descending ? sorted.ThenByDescending(key) : sorted.ThenBy(key);
        }

        return sorted ?? people.OrderBy(p => p.Id);
    }

    private static JsonObject Select(JsonObject person, IReadOnlyList<string> columns)
    {
        if (columns.Count == 0)
        {
            return person;
        }

        var selected = new JsonObject();
        foreach (var column in columns.Append("id").Distinct(StringComparer.Ordinal))
        {
            if (person.TryGetPropertyValue(column, out var value))
            {
                selected[column] = value?.DeepClone();
            }
        }

        return selected;
    }

    private static int? Number(string? text, string name) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new WorkbooksApiException(406, "invalid_parameter", $"The parameter {name} must be a whole number.");
}
