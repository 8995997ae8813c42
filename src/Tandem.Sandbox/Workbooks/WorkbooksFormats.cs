using System.Globalization;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// Workbooks' text forms (client library README, "Datatypes" and "Dates and Times"): datetimes as
/// <c>%a %b %d %H:%M:%S %Z %Y</c> in UTC ("Fri May 15 14:36:54 UTC 2009"), dates as <c>%e %b %Y</c> (" 2 May 2010");
/// epoch seconds are accepted on input.
/// </summary>
internal static class WorkbooksFormats
{
    public static string DateTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) =>
        date.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2) + date.ToString(" MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A datetime in Workbooks' form, epoch seconds, or ISO 8601 (as the filters accept).</summary>
    public static DateTimeOffset? ParseDateTime(string text)
    {
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        if (System.DateTime.TryParseExact(trimmed.Replace("UTC ", string.Empty, StringComparison.Ordinal), "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var workbooks))
        {
            return new DateTimeOffset(workbooks, TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var iso) ? iso : null;
    }

    /// <summary>A date in Workbooks' form (" 2 May 2010", "2 May 2010") or ISO 8601 ("2010-05-02").</summary>
    public static DateOnly? ParseDate(string text)
    {
        var trimmed = text.Trim();
        return DateOnly.TryParseExact(trimmed, ["d MMM yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }
}
