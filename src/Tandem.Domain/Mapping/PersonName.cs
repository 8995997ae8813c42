using System.Text;

namespace Tandem.Domain.Mapping;

/// <summary>Joining first and last names into a full name and splitting it back (PRODUCT.md §5, "Names").</summary>
internal static class PersonName
{
    /// <summary>Trims and reduces every run of white space to one space; null when nothing is left.</summary>
    public static string? Tidy(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.AsSpan().Trim();
        var clean = true;
        for (var i = 0; i < trimmed.Length && clean; i++)
        {
            clean = trimmed[i] == ' ' ? trimmed[i + 1] != ' ' : !char.IsWhiteSpace(trimmed[i]);
        }

        if (clean)
        {
            return trimmed.Length == text.Length ? text : trimmed.ToString();
        }

        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    /// <summary>"first last", tidied; null when both are empty.</summary>
    public static string? Join(string? first, string? last)
    {
        var f = Tidy(first);
        var l = Tidy(last);
        return f is null ? l : l is null ? f : f + " " + l;
    }

    /// <summary>
    /// Splits a (tidied) full name, keeping the part that did not change: if the name still starts with
    /// the current first name, only the last name changes; if it still ends with the current last name,
    /// only the first name changes ("Jean-Luc van der Berg" → "Jean-Pierre van der Berg" keeps "van der Berg").
    /// Otherwise the last word is the last name and the rest the first name; a single word is a first name.
    /// </summary>
    public static (string? First, string? Last) Split(string full, string? currentFirst, string? currentLast)
    {
        var first = Tidy(currentFirst);
        var last = Tidy(currentLast);
        if (first is not null)
        {
            if (full == first)
            {
                return (first, null);
            }

            if (full.Length > first.Length + 1 && full.StartsWith(first, StringComparison.Ordinal) && full[first.Length] == ' ')
            {
                return (first, full[(first.Length + 1)..]);
            }
        }

        if (last is not null)
        {
            if (full == last)
            {
                return (null, last);
            }

            if (full.Length > last.Length + 1 && full.EndsWith(last, StringComparison.Ordinal) && full[^(last.Length + 1)] == ' ')
            {
                return (full[..^(last.Length + 1)], last);
            }
        }

        var space = full.LastIndexOf(' ');
        return space < 0 ? (full, null) : (full[..space], full[(space + 1)..]);
    }
}
