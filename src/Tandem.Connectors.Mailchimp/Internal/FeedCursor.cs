using Tandem.Connectors.Feeds;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// The tie-safe change-feed position (<see cref="SecondTies"/>): the newest <c>last_changed</c> delivered, the ids
/// already delivered at exactly that second (re-read and skipped: archived ones as <c>x&lt;id&gt;</c>), and when the
/// last complete listing began. Text form: <c>mc1|lastChanged|listedAt|id,id,…</c> (unix seconds).
/// </summary>
internal sealed record FeedCursor(DateTimeOffset LastChanged, DateTimeOffset ListedAt, IReadOnlySet<string> IdsAtLastChanged)
{
    public const string ArchivedMark = "x";

    private const string Prefix = "mc1";

    public static FeedCursor Start(DateTimeOffset listedAt) => new(DateTimeOffset.UnixEpoch, listedAt, new HashSet<string>(StringComparer.Ordinal));

    public static FeedCursor Parse(string text)
    {
        var (at, stamp, ids) = SecondTies.Parse(text, Prefix, "Mailchimp");
        return new FeedCursor(at, stamp, ids);
    }

    public override string ToString() => SecondTies.Format(Prefix, LastChanged, ListedAt, IdsAtLastChanged);

    /// <summary>True when this member was delivered already (it sits at the cursor's second and its id is remembered).</summary>
    public bool Delivered(string id, DateTimeOffset at) => at == LastChanged && IdsAtLastChanged.Contains(id);

    /// <summary>Advances past the members just delivered, keeping every id seen at the newest second.</summary>
    public FeedCursor Advance(IEnumerable<(string Id, DateTimeOffset At)> seen)
    {
        var (time, ids) = SecondTies.Advance(LastChanged, IdsAtLastChanged, seen);
        return this with { LastChanged = time, IdsAtLastChanged = ids };
    }
}
