using System.Globalization;

namespace Tandem.Connectors.Feeds;

/// <summary>
/// For change feeds whose timestamps are whole seconds: a feed resumes inclusively at the newest second it delivered and
/// skips the ids it already delivered at that second, so nothing changed within that second is lost or repeated. The
/// text form is <c>prefix|second|stamp|id,id,…</c> (unix seconds; the stamp is the connector's own second time).
/// </summary>
public static class SecondTies
{
    /// <summary>The newest second among <paramref name="seen"/> and the cursor's, with every id seen at it.</summary>
    public static (DateTimeOffset At, HashSet<string> Ids) Advance(DateTimeOffset at, IEnumerable<string> idsAt, IEnumerable<(string Id, DateTimeOffset At)> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var ids = new HashSet<string>(idsAt, StringComparer.Ordinal);
        foreach (var (id, time) in seen)
        {
            if (time > at)
            {
                at = time;
                ids.Clear();
            }

            if (time == at)
            {
                ids.Add(id);
            }
        }

        return (at, ids);
    }

    public static string Format(string prefix, DateTimeOffset at, DateTimeOffset stamp, IEnumerable<string> idsAt) => string.Create(
        CultureInfo.InvariantCulture,
        $"{prefix}|{at.ToUnixTimeSeconds()}|{stamp.ToUnixTimeSeconds()}|{string.Join(',', idsAt.Order(StringComparer.Ordinal))}");

    /// <summary>Reads the text form; throws <see cref="FormatException"/> naming <paramref name="what"/> when it is not one.</summary>
    public static (DateTimeOffset At, DateTimeOffset Stamp, HashSet<string> Ids) Parse(string text, string prefix, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != prefix
            || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var at)
            || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var stamp))
        {
            throw new FormatException($"Not a {what} change cursor.");
        }

        return (DateTimeOffset.FromUnixTimeSeconds(at), DateTimeOffset.FromUnixTimeSeconds(stamp),
            parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
    }
}
