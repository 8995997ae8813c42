using System.Globalization;

namespace Tandem.Connectors.Woodpecker.Internal;

/// <summary>Woodpecker's times: seconds and an offset without a colon (<c>2016-09-03T15:02:57+0200</c>).</summary>
internal static class WoodpeckerTime
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // .NET reads "+02:00" and "+02"; Woodpecker writes "+0200".
        var t = text.Trim();
        if (t.Length > 5 && (t[^5] is '+' or '-') && t[^4..].All(char.IsAsciiDigit))
        {
            t = t[..^2] + ":" + t[^2..];
        }

        return DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
    }
}
