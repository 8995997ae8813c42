using System.Globalization;
using System.Text;

namespace Tandem.Formats.VCard.Cards;

/// <summary>Decoding of vCard 2.1 <c>ENCODING=QUOTED-PRINTABLE</c> values, read for tolerance, never written.</summary>
internal static class QuotedPrintable
{
    public static string Decode(string encoded, string? charset)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '=' && i + 2 < encoded.Length
                && byte.TryParse(encoded.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return EncodingFor(charset).GetString(bytes.ToArray());
    }

    // Only encodings built into .NET without code-page providers; anything else is read as UTF-8.
    private static Encoding EncodingFor(string? charset) => charset?.Trim().ToUpperInvariant() switch
    {
        "ISO-8859-1" or "LATIN1" or "ISO8859-1" or "WINDOWS-1252" => Encoding.Latin1,
        "US-ASCII" or "ASCII" => Encoding.ASCII,
        _ => Encoding.UTF8,
    };
}
