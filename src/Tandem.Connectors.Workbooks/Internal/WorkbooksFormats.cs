using System.Globalization;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// Workbooks' text forms (client library README, "Datatypes", "Dates and Times"): datetimes
/// <c>%a %b %d %H:%M:%S %Z %Y</c>, always UTC ("Fri May 15 14:36:54 UTC 2009"); dates <c>%e %b %Y</c> (" 2 May 2010",
/// a leading space before single-digit days); currencies "value CODE flags".
/// </summary>
internal static class WorkbooksFormats
{
    public static string DateTime(DateTimeOffset at) => at.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseDateTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        // The zone is always UTC; it is dropped before parsing so the day-of-month may have one or two digits.
        return System.DateTime.TryParseExact(trimmed.Replace(" UTC ", " ", StringComparison.Ordinal), "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;
    }

    public static string Date(PartialDate date) =>
        new DateOnly(date.Year!.Value, date.Month, date.Day).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static PartialDate? ParseDate(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Trim(), ["d MMM yyyy", "d MMMM yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new PartialDate(date.Year, date.Month, date.Day)
            : null;

    /// <summary>"1500.00 EUR 0" as Tandem's money text ("1500.00 EUR"); a calculated mix of currencies ("!!!") is no value.</summary>
    public static string? Money(string? text)
    {
        var parts = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return parts.Length >= 2 && parts[1] != "!!!" ? parts[0] + " " + parts[1] : null;
    }
}
