using System.Globalization;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// The tie-safe change-feed position: the newest <c>last_changed</c> delivered, the ids already delivered at exactly that
/// second (re-read and skipped: archived ones as <c>x&lt;id&gt;</c>), and when the last complete listing began.
/// Text form: <c>mc1|lastChanged|listedAt|id,id,…</c> (unix seconds).
/// </summary>
internal sealed record FeedCursor(DateTimeOffset LastChanged, DateTimeOffset ListedAt, IReadOnlySet<string> IdsAtLastChanged)
{
    public const string ArchivedMark = "x";

    public static FeedCursor Start(DateTimeOffset listedAt) => new(DateTimeOffset.UnixEpoch, listedAt, new HashSet<string>(StringComparer.Ordinal));

    public static FeedCursor Parse(string text)
    {
        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != "mc1"
            || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var changed)
            || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var listed))
        {
            throw new FormatException("Not a Mailchimp change cursor.");
        }

        return new FeedCursor(
            DateTimeOffset.FromUnixTimeSeconds(changed),
            DateTimeOffset.FromUnixTimeSeconds(listed),
            parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"mc1|{LastChanged.ToUnixTimeSeconds()}|{ListedAt.ToUnixTimeSeconds()}|{string.Join(',', IdsAtLastChanged.Order(StringComparer.Ordinal))}");

    /// <summary>True when this member was delivered already (it sits at the cursor's second and its id is remembered).</summary>
    public bool Delivered(string id, DateTimeOffset at) => at == LastChanged && IdsAtLastChanged.Contains(id);

    /// <summary>Advances past the members just delivered, keeping every id seen at the newest second.</summary>
    public FeedCursor Advance(IEnumerable<(string Id, DateTimeOffset At)> seen)
    {
        var time = LastChanged;
        var ids = new HashSet<string>(IdsAtLastChanged, StringComparer.Ordinal);
        foreach (var (id, at) in seen)
        {
            if (at > time)
            {
                time = at;
                ids.Clear();
            }

            if (at == time)
            {
                ids.Add(id);
            }
        }

        return this with { LastChanged = time, IdsAtLastChanged = ids };
    }
}
