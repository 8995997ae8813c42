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

    /// <summary>
    /// How long after a second the feed treats it as closed: a read made this long after it saw every change stamped
    /// with it (Pipedrive's clock and ours agree to well within this).
    /// </summary>
    public static readonly TimeSpan SettleMargin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When the read that made this position came <see cref="SettleMargin"/> after its second and delivered everything
    /// stamped with it, the next read starts at the second after: a quiet poll then asks for one recent change instead
    /// of re-reading every id of a busy second (10,000 persons written in one second made each quiet poll 40 calls).
    /// </summary>
    public FeedCursor Settled() =>
        IdsAtUpdateTime.Count > 0 && CheckedAt - UpdateTime >= SettleMargin
            ? new FeedCursor(UpdateTime.AddSeconds(1), CheckedAt, new HashSet<string>(StringComparer.Ordinal))
            : this;
}
