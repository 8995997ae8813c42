using System.Globalization;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// How HubSpot reads and writes dates and times (NOTES.md §4): a date is written as midnight-UTC epoch milliseconds or
/// <c>YYYY-MM-DD</c> and read as <c>YYYY-MM-DD</c>; a date-time is written as epoch milliseconds or ISO 8601 and read as
/// ISO 8601 UTC with milliseconds.
/// </summary>
internal static class HubSpotValues
{
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Date(string raw)
    {
        if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return at.TimeOfDay == TimeSpan.Zero ? at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        }

        return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }

    public static string? DateTime(string raw) => Millis(raw) is { } ms ? Stamp(DateTimeOffset.FromUnixTimeMilliseconds(ms)) : null;

    /// <summary>Epoch milliseconds of a value written as milliseconds, ISO 8601 or a date.</summary>
    public static long? Millis(string raw)
    {
        if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return ms;
        }

        return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at.ToUnixTimeMilliseconds() : null;
    }
}
