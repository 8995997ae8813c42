using System.Globalization;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// The tie-safe change-feed position: the last <c>update_time</c> seen, the ids already delivered at exactly that
/// second (re-read inclusively and skipped), and when the feed was last read (deletions are only visible for 30 days).
/// Text form: <c>v1|updateTime|checkedAt|id,id,…</c>.
/// </summary>
internal sealed record FeedCursor(DateTimeOffset UpdateTime, DateTimeOffset CheckedAt, IReadOnlySet<string> IdsAtUpdateTime)
{
    public static FeedCursor Parse(string text)
    {
        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != "v1"
            || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var update)
            || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var checkedAt))
        {
            throw new FormatException("Not a Pipedrive change cursor.");
        }

        return new FeedCursor(
            DateTimeOffset.FromUnixTimeSeconds(update),
            DateTimeOffset.FromUnixTimeSeconds(checkedAt),
            parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"v1|{UpdateTime.ToUnixTimeSeconds()}|{CheckedAt.ToUnixTimeSeconds()}|{string.Join(',', IdsAtUpdateTime.Order(StringComparer.Ordinal))}");

    /// <summary>Advances past the persons just delivered, keeping every id seen at the newest second.</summary>
    public FeedCursor Advance(IEnumerable<(string Id, DateTimeOffset UpdateTime)> seen, DateTimeOffset now)
    {
        var time = UpdateTime;
        var ids = new HashSet<string>(IdsAtUpdateTime, StringComparer.Ordinal);
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

        return new FeedCursor(time, now, ids);
    }
}
