using System.Globalization;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// Where the change feed stands: the newest <c>modified</c> stamp delivered (as Pipeliner writes it), the ids already
/// delivered at exactly that stamp (the filter is inclusive, ties are normal), and when deletions were last read, on
/// the connector's clock. Text form: <c>v1|&lt;unix seconds&gt;|&lt;stamp&gt;|id,id</c>.
/// </summary>
internal sealed record FeedCursor(string Stamp, DateTimeOffset CheckedAt, IReadOnlySet<string> IdsAtStamp)
{
    /// <summary>Before any contact: the feed then starts at the beginning.</summary>
    public const string Beginning = "1970-01-01 00:00:00.000000+00:00";

    public static FeedCursor Parse(string text)
    {
        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != "v1" || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || Order(parts[2]) is null)
        {
            throw new CursorExpiredException("The saved Pipeliner cursor is not readable; a full rescan is needed.");
        }

        return new FeedCursor(parts[2], DateTimeOffset.FromUnixTimeSeconds(seconds), parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
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

    public override string ToString() =>
        string.Join('|', "v1", CheckedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Stamp, string.Join(',', IdsAtStamp.Order(StringComparer.Ordinal)));
}
