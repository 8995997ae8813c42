using System.Globalization;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// Where the change feed stands: the newest <c>modified</c> stamp delivered (as Pipeliner writes it), the ids already
/// delivered at exactly that stamp (the filter is inclusive, ties are normal), and when deletions were last read, on
/// the connector's clock. While a feed read is under way (more pages follow), it also holds the query's own stamp and
/// Pipeliner's <c>end_cursor</c>, so the next page continues that query rather than asking again from the newest stamp
/// (which would read the contacts at that stamp a second time: one page more in a hundred). Text form:
/// <c>v1|&lt;unix seconds&gt;|&lt;stamp&gt;|id,id</c>, or <c>v2|…|&lt;query stamp&gt;|&lt;end_cursor&gt;</c> mid-read.
/// </summary>
internal sealed record FeedCursor(string Stamp, DateTimeOffset CheckedAt, IReadOnlySet<string> IdsAtStamp)
{
    /// <summary>The stamp the unfinished query filters from, with <see cref="After"/>; null between reads.</summary>
    public string? QueryStamp { get; init; }

    /// <summary>Pipeliner's <c>end_cursor</c> of the last page read of an unfinished query; null between reads.</summary>
    public string? After { get; init; }

    /// <summary>Before any contact: the feed then starts at the beginning.</summary>
    public const string Beginning = "1970-01-01 00:00:00.000000+00:00";

    public static FeedCursor Parse(string text)
    {
        var parts = text.Split('|');
        var readable = (parts.Length == 4 && parts[0] == "v1") || (parts.Length == 6 && parts[0] == "v2" && Order(parts[4]) is not null && parts[5].Length > 0);
        if (!readable || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || Order(parts[2]) is null)
        {
            throw new CursorExpiredException("The saved Pipeliner cursor is not readable; a full rescan is needed.");
        }

        return new FeedCursor(parts[2], DateTimeOffset.FromUnixTimeSeconds(seconds), parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal))
        {
            QueryStamp = parts.Length == 6 ? parts[4] : null,
            After = parts.Length == 6 ? parts[5] : null,
        };
    }

    /// <summary>A stamp as a point in time, for ordering; null when it is not one.</summary>
    public static DateTimeOffset? Order(string? stamp) =>
        DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    public bool Delivered(string id, string stamp) => Order(stamp) == Order(Stamp) && IdsAtStamp.Contains(id);

    /// <summary>The cursor after these contacts (id, stamp) were delivered, deletions checked at <paramref name="checkedAt"/>.</summary>
    public FeedCursor Advance(IEnumerable<(string Id, string Stamp)> seen, DateTimeOffset checkedAt)
    {
        var stamp = Stamp;
        var ids = new HashSet<string>(IdsAtStamp, StringComparer.Ordinal);
        foreach (var (id, at) in seen)
        {
            var order = Order(at);
            if (order > Order(stamp))
            {
                stamp = at;
                ids = new HashSet<string>(StringComparer.Ordinal) { id };
            }
            else if (order == Order(stamp))
            {
                ids.Add(id);
            }
        }

        return new FeedCursor(stamp, checkedAt, ids);
    }

    /// <summary>This cursor continuing the query from <paramref name="queryStamp"/> after <paramref name="after"/>, or finished (null).</summary>
    public FeedCursor Continuing(string queryStamp, string? after) =>
        this with { QueryStamp = after is null ? null : queryStamp, After = after };

    public override string ToString()
    {
        var head = string.Join('|', CheckedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Stamp, string.Join(',', IdsAtStamp.Order(StringComparer.Ordinal)));
        return After is null || QueryStamp is null ? "v1|" + head : string.Join('|', "v2", head, QueryStamp, After);
    }
}
