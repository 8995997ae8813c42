namespace Tandem.Formats.VCard.Cards;

/// <summary>Splits a file into unfolded logical lines (RFC 6350 §3.2), plus 2.1 quoted-printable soft breaks.</summary>
internal static class ContentLineReader
{
    public static List<ContentLine> Read(string text, string lineBreak)
    {
        var lines = new List<ContentLine>();
        string? current = null;
        string? source = null;
        var start = 0;
        var physical = text.Split('\n');
        for (var i = 0; i < physical.Length; i++)
        {
            var line = physical[i].EndsWith('\r') ? physical[i][..^1] : physical[i];
            if (current is not null && IsQuotedPrintableSoftBreak(current))
            {
                // A 2.1 quoted-printable soft line break: the next line continues the value without indentation.
                current = current[..^1] + line;
                source += lineBreak + line;
                continue;
            }

            if (current is not null && line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                current += line[1..];
                source += lineBreak + line;
                continue;
            }

            if (current is not null)
            {
                lines.Add(new ContentLine(current, start, source!));
            }

            if (line.Trim().Length == 0)
            {
                current = null;
                continue;
            }

            current = line;
            source = line;
            start = i + 1;
        }

        if (current is not null)
        {
            lines.Add(new ContentLine(current, start, source!));
        }

        return lines;
    }

    private static bool IsQuotedPrintableSoftBreak(string line)
    {
        if (!line.EndsWith('='))
        {
            return false;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && line.AsSpan(0, colon).Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);
    }
}
