using System.Text;

namespace Tandem.Formats.VCard.Cards;

/// <summary>Escaping of text values (RFC 6350 §3.4, RFC 2426 §4): <c>\n \, \; \\</c>.</summary>
internal static class VCardText
{
    /// <summary>Escapes a text value; newlines of any style become <c>\n</c> (vCard has no CR escape).</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case ',': sb.Append(@"\,"); break;
                case ';': sb.Append(@"\;"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r':
                    sb.Append(@"\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Escapes a URI value: commas and semicolons are legal in URIs and other readers take them literally,
    /// so only backslashes and newlines are escaped.
    /// </summary>
    public static string EscapeUri(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\r\n", @"\n", StringComparison.Ordinal)
            .Replace("\n", @"\n", StringComparison.Ordinal).Replace("\r", @"\n", StringComparison.Ordinal);

    /// <summary>Decodes escapes; an unknown escape is kept as written (tolerant of sloppy writers).</summary>
    public static string Unescape(string raw)
    {
        if (!raw.Contains('\\', StringComparison.Ordinal))
        {
            return raw;
        }

        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 == raw.Length)
            {
                sb.Append(c);
                continue;
            }

            var next = raw[++i];
            switch (next)
            {
                case 'n' or 'N': sb.Append('\n'); break;
                case ',' or ';' or ':' or '\\': sb.Append(next); break;
                default: sb.Append('\\').Append(next); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Splits a raw value on separators that are not escaped; the parts stay escaped.</summary>
    public static List<string> SplitRaw(string raw, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\')
            {
                i++;
            }
            else if (raw[i] == separator)
            {
                parts.Add(raw[start..i]);
                start = i + 1;
            }
        }

        parts.Add(raw[start..]);
        return parts;
    }

    /// <summary>The decoded components of a structured value (N, ADR, ORG).</summary>
    public static List<string> Components(string raw) => SplitRaw(raw, ';').Select(Unescape).ToList();

    public static string JoinComponents(IEnumerable<string> components) => string.Join(';', components.Select(Escape));
}
