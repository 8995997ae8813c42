using System.Globalization;
using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Cards;

/// <summary>
/// Dates of BDAY and ANNIVERSARY. Only the calendar date is kept: a time or zone part is dropped, never
/// applied, so a birthday cannot shift by a day.
/// </summary>
internal static class VCardDate
{
    /// <summary>
    /// Reads 4.0 (<c>19850517</c>, <c>--0517</c>), 3.0 (<c>1985-05-17</c>, <c>1985-05-17T00:00:00Z</c>, <c>--05-17</c>)
    /// and Apple's no-year form (a placeholder year named by <c>X-APPLE-OMIT-YEAR</c>). Null for anything else
    /// (a text value such as "circa 1800", a year alone).
    /// </summary>
    public static PartialDate? Parse(VCardProperty property)
    {
        var text = VCardText.Unescape(property.RawValue).Trim();
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (time > 0)
        {
            text = text[..time];
        }

        var omitYear = property.ParameterValues("X-APPLE-OMIT-YEAR").FirstOrDefault();
        if (text.StartsWith("0000", StringComparison.Ordinal) || (omitYear is not null && text.StartsWith(omitYear, StringComparison.Ordinal)))
        {
            // A placeholder year means "no year": keep month and day only.
            text = "--" + text[4..].TrimStart('-');
        }

        return PartialDate.TryParse(text, out var date) ? date : null;
    }

    /// <summary>4.0 uses the basic ISO form (<c>19850517</c>, <c>--0517</c>); 3.0 the extended one (<c>1985-05-17</c>, <c>--05-17</c>).</summary>
    public static string Format(PartialDate date, bool version4)
    {
        if (date.Year is { } year)
        {
            return version4
                ? string.Create(CultureInfo.InvariantCulture, $"{year:0000}{date.Month:00}{date.Day:00}")
                : string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{date.Month:00}-{date.Day:00}");
        }

        return version4
            ? string.Create(CultureInfo.InvariantCulture, $"--{date.Month:00}{date.Day:00}")
            : string.Create(CultureInfo.InvariantCulture, $"--{date.Month:00}-{date.Day:00}");
    }
}
