using Tandem.Connectors.Feeds;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// The tie-safe change-feed position (<see cref="SecondTies"/>): the last <c>update_time</c> seen, the ids already
/// delivered at exactly that second (re-read inclusively and skipped), and when the feed was last read (deletions are
/// only visible for 30 days). Text form: <c>v1|updateTime|checkedAt|id,id,…</c>.
/// </summary>
internal sealed record FeedCursor(DateTimeOffset UpdateTime, DateTimeOffset CheckedAt, IReadOnlySet<string> IdsAtUpdateTime)
{
    private const string Prefix = "v1";

    public static FeedCursor Parse(string text)
    {
        var (at, stamp, ids) = SecondTies.Parse(text, Prefix, "Pipedrive");
        return new FeedCursor(at, stamp, ids);
    }

    public override string ToString() => SecondTies.Format(Prefix, UpdateTime, CheckedAt, IdsAtUpdateTime);

    /// <summary>Advances past the persons just delivered, keeping every id seen at the newest second.</summary>
    public FeedCursor Advance(IEnumerable<(string Id, DateTimeOffset UpdateTime)> seen, DateTimeOffset now)
    {
        var (time, ids) = SecondTies.Advance(UpdateTime, IdsAtUpdateTime, seen);
        return new FeedCursor(time, now, ids);
    }
}
