using System.Globalization;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// Where the change feed stands: the newest <c>lastmodifieddate</c> delivered (milliseconds) with the ids delivered at it
/// (the search reads from it inclusively and skips them); while that millisecond is being drained contact by contact
/// (a page ended inside it), the highest id read in it (<c>-</c> otherwise); the same for archivings (<c>archivedAt</c>), and when archivings were last read (HubSpot purges archived
/// contacts after 90 days, so a cursor unread that long may miss deletions). Text: <c>hs|at|tie|ids|archivedAt|ids|checked</c>.
/// </summary>
internal sealed record FeedCursor(long At, long? Tie, IReadOnlySet<string> IdsAt, long ArchivedAt, IReadOnlySet<string> ArchivedIdsAt, long CheckedAt)
{
    private const string Prefix = "hs";

    public static FeedCursor Start(long at) => new(at, null, new HashSet<string>(StringComparer.Ordinal), at, new HashSet<string>(StringComparer.Ordinal), at);

    /// <summary>Reads the text form; a cursor that is not one throws <see cref="FormatException"/>.</summary>
    public static FeedCursor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('|');
        if (parts.Length != 7 || parts[0] != Prefix
            || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var at)
            || (parts[2] != "-" && !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            || !long.TryParse(parts[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var archivedAt)
            || !long.TryParse(parts[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out var checkedAt))
        {
            throw new FormatException("Not a HubSpot change cursor.");
        }

        return new FeedCursor(at, parts[2] == "-" ? null : long.Parse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture), Ids(parts[3]), archivedAt, Ids(parts[5]), checkedAt);
    }

    /// <summary>This cursor moved over changes seen at their times: the newest time, with every id seen at it.</summary>
    public static (long At, HashSet<string> Ids) Advance(long at, IEnumerable<string> idsAt, IEnumerable<(string Id, long At)> seen)
    {
        var ids = new HashSet<string>(idsAt, StringComparer.Ordinal);
        foreach (var (id, time) in seen)
        {
            if (time > at)
            {
                (at, ids) = (time, new HashSet<string>(StringComparer.Ordinal));
            }

            if (time == at)
            {
                ids.Add(id);
            }
        }

        return (at, ids);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix}|{At}|{(Tie is { } tie ? tie.ToString(CultureInfo.InvariantCulture) : "-")}|{string.Join(',', IdsAt.Order(StringComparer.Ordinal))}|{ArchivedAt}|{string.Join(',', ArchivedIdsAt.Order(StringComparer.Ordinal))}|{CheckedAt}");

    private static HashSet<string> Ids(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
