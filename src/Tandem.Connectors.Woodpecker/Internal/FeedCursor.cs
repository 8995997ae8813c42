using System.Globalization;
using System.IO.Compression;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Feeds;

namespace Tandem.Connectors.Woodpecker.Internal;

/// <summary>
/// Where the change feed stands. Woodpecker lists prospects newest <c>updated</c> first but has no "since" filter and no
/// deletions, so the cursor holds (1) the tie-safe position of <see cref="SecondTies"/>: the newest second delivered
/// and the ids delivered at it; and (2) every prospect id of the account as of <see cref="IdsCheckedAt"/>, compressed,
/// with the highest. A poll compares Woodpecker's <c>X-Total-Count</c> with the ids held plus the new ones it read:
/// when they differ, something was deleted, and one id listing tells what. Text form:
/// <c>w1|second|idsCheckedAt|id,id…|maxId|ids</c> (ids: deflated deltas as varints, base64url).
/// </summary>
internal sealed record FeedCursor(DateTimeOffset At, DateTimeOffset IdsCheckedAt, IReadOnlySet<string> IdsAt, int MaxId, IReadOnlyList<int> Ids)
{
    private const string Prefix = "w1";

    public static FeedCursor Parse(string text)
    {
        try
        {
            var parts = text.Split('|');
            if (parts.Length != 6)
            {
                throw new FormatException("Not a Woodpecker change cursor.");
            }

            var (at, checkedAt, idsAt) = SecondTies.Parse(string.Join('|', parts[..4]), Prefix, "Woodpecker");
            return new FeedCursor(at, checkedAt, idsAt, int.Parse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture), Decode(parts[5]));
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidDataException or ArgumentException)
        {
            throw new CursorExpiredException("The saved Woodpecker cursor is not readable; a full rescan is needed.", ex);
        }
    }

    public override string ToString() =>
        SecondTies.Format(Prefix, At, IdsCheckedAt, IdsAt) + "|" + MaxId.ToString(CultureInfo.InvariantCulture) + "|" + Encode(Ids);

    /// <summary>Past the prospects just delivered, keeping every id seen at the newest second.</summary>
    public FeedCursor Advance(IEnumerable<(string Id, DateTimeOffset At)> seen)
    {
        var (at, ids) = SecondTies.Advance(At, IdsAt, seen);
        return this with { At = at, IdsAt = ids };
    }

    private static string Encode(IReadOnlyList<int> ids)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            var previous = 0;
            foreach (var id in ids.Order())
            {
                var delta = (uint)(id - previous);
                previous = id;
                while (delta >= 0x80)
                {
                    deflate.WriteByte((byte)(delta | 0x80));
                    delta >>= 7;
                }

                deflate.WriteByte((byte)delta);
            }
        }

        return Convert.ToBase64String(buffer.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static List<int> Decode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        using var deflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(base64)), CompressionMode.Decompress);
        var ids = new List<int>();
        var previous = 0;
        uint delta = 0;
        var shift = 0;
        int next;
        while ((next = deflate.ReadByte()) >= 0)
        {
            delta |= (uint)(next & 0x7F) << shift;
            if ((next & 0x80) != 0)
            {
                shift += 7;
                continue;
            }

            previous += (int)delta;
            ids.Add(previous);
            delta = 0;
            shift = 0;
        }

        return ids;
    }
}
