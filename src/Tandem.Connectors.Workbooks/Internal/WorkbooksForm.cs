namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// A request's parameters in the order they are sent (Workbooks' array parameters pair up by position: <c>_ff[]</c>
/// with <c>_ft[]</c> and <c>_fc[]</c>, <c>id[]</c> with <c>lock_version[]</c>), form-encoded.
/// </summary>
internal sealed class WorkbooksForm
{
    private readonly List<KeyValuePair<string, string>> items = [];

    public IReadOnlyList<KeyValuePair<string, string>> Items => items;

    public WorkbooksForm Add(string name, string value)
    {
        items.Add(new(name, value));
        return this;
    }

    /// <summary>One filter: field, type (<c>eq</c>, <c>ge</c>, <c>true</c>…) and criterion.</summary>
    public WorkbooksForm Filter(string field, string type, string criterion) =>
        Add("_ff[]", field).Add("_ft[]", type).Add("_fc[]", criterion);

    /// <summary>A page: <c>_start</c>, <c>_limit</c>, no total (a sync never needs it, and it costs Workbooks time).</summary>
    public WorkbooksForm Page(int start, int limit) =>
        Add("_start", start.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("_limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("__skip_total_rows", "true");

    /// <summary>An <c>eq</c> criterion listing several values (an IN), commas inside a value escaped.</summary>
    public static string AnyOf(IEnumerable<string> values) => string.Join(',', values.Select(v => v.Replace(",", "\\,", StringComparison.Ordinal)));
}
