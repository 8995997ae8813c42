using System.Globalization;

namespace Tandem.Domain.Fields;

/// <summary>
/// A calendar date with an optional year (a birthday without a year). It has no time and no zone,
/// so it can never shift by a day. Canonical form: <c>yyyy-MM-dd</c>, or <c>--MM-dd</c> without a year.
/// </summary>
public readonly record struct PartialDate(int? Year, int Month, int Day)
{
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.StartsWith("--", StringComparison.Ordinal))
        {
            // vCard 4 also writes "--MMdd"; accept both "--MM-dd" and "--MMdd".
            var rest = s[2..].Replace("-", string.Empty, StringComparison.Ordinal);
            if (rest.Length == 4 && int.TryParse(rest[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                && int.TryParse(rest[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && IsValid(2000, m, d))
            {
                date = new PartialDate(null, m, d);
                return true;
            }

            return false;
        }

        if (s.Length >= 10 && s[4] == '-' && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            date = new PartialDate(full.Year, full.Month, full.Day);
            return true;
        }

        if (s.Length == 8 && DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
        {
            date = new PartialDate(compact.Year, compact.Month, compact.Day);
            return true;
        }

        return false;
    }

    public override string ToString() => Year is { } y
        ? string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{Month:00}-{Day:00}")
        : string.Create(CultureInfo.InvariantCulture, $"--{Month:00}-{Day:00}");

    private static bool IsValid(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
