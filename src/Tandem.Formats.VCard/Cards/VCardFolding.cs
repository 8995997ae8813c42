using System.Text;

namespace Tandem.Formats.VCard.Cards;

/// <summary>Line folding: content lines longer than 75 octets are split, continuation lines start with a space.</summary>
internal static class VCardFolding
{
    public const int MaxOctets = 75;

    /// <summary>
    /// Folds one content line. Splits only between Unicode scalar values, so a UTF-8 sequence (or a
    /// surrogate pair) is never cut in half, which some readers would turn into replacement characters.
    /// </summary>
    public static string Fold(string line, string lineBreak)
    {
        if (Encoding.UTF8.GetByteCount(line) <= MaxOctets)
        {
            return line;
        }

        var sb = new StringBuilder(line.Length + (line.Length / 70 * 3));
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                sb.Append(lineBreak).Append(' ');
                octets = 1;
            }

            sb.Append(rune.ToString());
            octets += size;
        }

        return sb.ToString();
    }
}
