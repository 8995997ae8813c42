using System.Globalization;
using System.Text;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// Sync and page tokens: opaque to clients, positions in the store's change sequence to the sandbox. A sync
/// token carries when it was issued (it expires after the configured lifetime) and the fault epoch (so the
/// expire switch can void every token issued before it).
/// </summary>
internal static class SyncTokens
{
    public static string Sync(long epoch, long sequence, DateTimeOffset issued) =>
        Encode(string.Create(CultureInfo.InvariantCulture, $"s1.{epoch}.{sequence}.{issued.ToUnixTimeSeconds()}"));

    /// <summary>The sequence a sync token stands for, or null when it is expired, voided or not a token at all.</summary>
    public static long? ReadSync(string token, long epoch, DateTimeOffset now, TimeSpan lifetime)
    {
        var parts = Decode(token);
        if (parts is not { Length: 4 } || parts[0] != "s1" || Number(parts[1]) != epoch || Number(parts[2]) is not { } sequence
            || Number(parts[3]) is not { } issued || DateTimeOffset.FromUnixTimeSeconds(issued) + lifetime < now)
        {
            return null;
        }

        return sequence;
    }

    /// <summary>A page token: continue after <paramref name="after"/> up to <paramref name="upTo"/>; <paramref name="syncFrom"/> -1 for a full listing.</summary>
    public static string Page(long after, long upTo, long syncFrom, string request) =>
        Encode(string.Create(CultureInfo.InvariantCulture, $"p1.{after}.{upTo}.{syncFrom}.{Fingerprint(request)}"));

    public static (long After, long UpTo, long SyncFrom)? ReadPage(string token, string request)
    {
        var parts = Decode(token);
        if (parts is not { Length: 5 } || parts[0] != "p1" || parts[4] != Fingerprint(request)
            || Number(parts[1]) is not { } after || Number(parts[2]) is not { } upTo || Number(parts[3]) is not { } syncFrom)
        {
            return null;
        }

        return (after, upTo, syncFrom);
    }

    private static string Fingerprint(string request)
    {
        var hash = 17L;
        foreach (var c in request)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (hash & 0xFFFFFFFF).ToString("x", CultureInfo.InvariantCulture);
    }

    private static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string[]? Decode(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            return Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('.');
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static long? Number(string text) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
