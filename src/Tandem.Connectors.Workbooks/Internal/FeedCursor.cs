using Tandem.Connectors.Feeds;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// The delta position the client library README recommends ("Deltas"): the last <c>updated_at</c> delivered, the ids
/// delivered at exactly that second (re-read with <c>ge</c> and skipped), and when the feed was last read. Text form
/// (<see cref="SecondTies"/>): <c>wb1|updatedAt|checkedAt|id,id,…</c>.
/// </summary>
internal sealed record FeedCursor(DateTimeOffset UpdatedAt, DateTimeOffset CheckedAt, IReadOnlySet<string> IdsAtUpdatedAt)
{
    private const string Prefix = "wb1";

    public static FeedCursor Start(DateTimeOffset now) => new(DateTimeOffset.UnixEpoch, now, new HashSet<string>(StringComparer.Ordinal));

    public static FeedCursor Parse(string text)
    {
        var (at, stamp, ids) = SecondTies.Parse(text, Prefix, "Workbooks");
        return new FeedCursor(at, stamp, ids);
    }

    public override string ToString() => SecondTies.Format(Prefix, UpdatedAt, CheckedAt, IdsAtUpdatedAt);

    public bool Delivered(string id, DateTimeOffset at) => at == UpdatedAt && IdsAtUpdatedAt.Contains(id);

    /// <summary>Advances past the people just delivered, keeping every id seen at the newest second.</summary>
    public FeedCursor Advance(IEnumerable<(string Id, DateTimeOffset At)> seen, DateTimeOffset now)
    {
        var (time, ids) = SecondTies.Advance(UpdatedAt, IdsAtUpdatedAt, seen);
        return new FeedCursor(time, now, ids);
    }
}
