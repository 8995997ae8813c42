namespace Tandem.Storage.SyncState;

/// <summary>
/// Builds <c>IN (@i0, @i1, …)</c> lists and multi-row <c>VALUES</c> for batched statements: one round
/// trip per few hundred rows instead of one per row, in SQL both SQLite and PostgreSQL accept.
/// </summary>
internal static class SqlInList
{
    /// <summary>Rows per batched statement; keeps parameter counts far below both engines' limits.</summary>
    public const int MaxItems = 100;

    public static string Parameters(string prefix, int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => "@" + prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static SqlStatement Bind(SqlStatement statement, string prefix, IEnumerable<object?> values)
    {
        var i = 0;
        foreach (var value in values)
        {
            statement.Set(prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture), value);
            i++;
        }

        return statement;
    }

    /// <summary>
    /// The VALUES rows of a batched statement: <paramref name="rowTemplate"/> with <c>{r}</c> replaced by
    /// each row's number, e.g. <c>(@c, @p{r}_0, @p{r}_1)</c>; bind each row with <see cref="BindRow"/>.
    /// </summary>
    public static string Rows(int rows, string rowTemplate) =>
        string.Join(", ", Enumerable.Range(0, rows).Select(r => rowTemplate.Replace("{r}", r.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

    /// <summary>Binds row <paramref name="row"/>'s values to <c>@p{row}_0</c>, <c>@p{row}_1</c>, ….</summary>
    public static void BindRow(SqlStatement statement, int row, params object?[] values)
    {
        for (var c = 0; c < values.Length; c++)
        {
            statement.Set("p" + row.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + c.ToString(System.Globalization.CultureInfo.InvariantCulture), values[c]);
        }
    }
}
