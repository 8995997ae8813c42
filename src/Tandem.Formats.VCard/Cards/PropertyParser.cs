using System.Collections.Immutable;
using System.Text;

namespace Tandem.Formats.VCard.Cards;

/// <summary>
/// Parses one logical line: <c>[group.]name *(;param[=value[,value]]) : value</c>. Errors name the line and
/// the problem, never the line's content.
/// </summary>
internal static class PropertyParser
{
    public static VCardProperty Parse(ContentLine line, string fileName)
    {
        var text = line.Text;
        var i = 0;
        while (i < text.Length && text[i] != ';' && text[i] != ':')
        {
            i++;
        }

        if (i == text.Length)
        {
            throw Error(fileName, line, "the line has no ':' between the property name and its value.");
        }

        var fullName = text[..i];
        var dot = fullName.IndexOf('.', StringComparison.Ordinal);
        var group = dot < 0 ? null : fullName[..dot];
        var name = dot < 0 ? fullName : fullName[(dot + 1)..];
        if (!IsToken(name) || (group is not null && !IsToken(group)))
        {
            throw Error(fileName, line, "the property name is missing or holds characters other than letters, digits and '-'.");
        }

        var parameters = ImmutableArray.CreateBuilder<VCardParameter>();
        while (text[i] == ';')
        {
            i++;
            parameters.Add(ParseParameter(text, ref i, fileName, line));
            if (i >= text.Length)
            {
                throw Error(fileName, line, "the line has no ':' between the parameters and the value.");
            }
        }

        var property = new VCardProperty(group, name, parameters.ToImmutable(), text[(i + 1)..])
        {
            LineNumber = line.LineNumber,
            SourceText = line.SourceText,
        };
        return DecodeQuotedPrintable(property);
    }

    private static VCardParameter ParseParameter(string text, ref int i, string fileName, ContentLine line)
    {
        var start = i;
        while (i < text.Length && text[i] is not ('=' or ';' or ':'))
        {
            i++;
        }

        var name = text[start..i].Trim();
        if (name.Length == 0)
        {
            throw Error(fileName, line, "a parameter has no name.");
        }

        if (i >= text.Length || text[i] != '=')
        {
            // vCard 2.1 writes bare parameters: ";WORK;VOICE" means TYPE, ";QUOTED-PRINTABLE" means ENCODING.
            var bareEncoding = name.ToUpperInvariant() is "QUOTED-PRINTABLE" or "BASE64" or "8BIT" or "7BIT";
            return new VCardParameter(bareEncoding ? "ENCODING" : "TYPE", [name]);
        }

        i++;
        var values = new List<string>();
        while (true)
        {
            values.Add(ParseParameterValue(text, ref i, fileName, line));
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            return new VCardParameter(name, values);
        }
    }

    private static string ParseParameterValue(string text, ref int i, string fileName, ContentLine line)
    {
        if (i < text.Length && text[i] == '"')
        {
            var close = text.IndexOf('"', i + 1);
            if (close < 0)
            {
                throw Error(fileName, line, "a quoted parameter value is not closed.");
            }

            var quoted = text[(i + 1)..close];
            i = close + 1;
            return DecodeCaret(quoted);
        }

        var start = i;
        while (i < text.Length && text[i] is not (',' or ';' or ':'))
        {
            i++;
        }

        return DecodeCaret(text[start..i]);
    }

    // RFC 6868: ^n is a newline, ^' a double quote, ^^ a caret.
    private static string DecodeCaret(string value)
    {
        if (!value.Contains('^', StringComparison.Ordinal))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '^' && i + 1 < value.Length && value[i + 1] is 'n' or 'N' or '\'' or '^')
            {
                i++;
                sb.Append(value[i] switch { 'n' or 'N' => '\n', '\'' => '"', _ => '^' });
            }
            else
            {
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }

    private static VCardProperty DecodeQuotedPrintable(VCardProperty property)
    {
        if (!property.ParameterValues("ENCODING").Any(v => v.Equals("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase)))
        {
            return property;
        }

        // The decoded value replaces the encoded one, so a property Tandem later rewrites is written as plain UTF-8;
        // an untouched one is still written back from its source lines.
        var charset = property.ParameterValues("CHARSET").FirstOrDefault();
        var decoded = QuotedPrintable.Decode(property.RawValue, charset);
        return new VCardProperty(property.Group, property.Name, [.. property.Parameters.Where(p => !p.Is("ENCODING") && !p.Is("CHARSET"))], decoded)
        {
            LineNumber = property.LineNumber,
            SourceText = property.SourceText,
        };
    }

    private static bool IsToken(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');

    private static VCardParseException Error(string fileName, ContentLine line, string problem) =>
        new(fileName, line.LineNumber, problem);
}
