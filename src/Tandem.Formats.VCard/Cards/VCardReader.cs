namespace Tandem.Formats.VCard.Cards;

/// <summary>Parses a card file (vCard 2.1, 3.0 and 4.0) that holds exactly one card, as the vdir layout does.</summary>
public static class VCardReader
{
    /// <summary>Parses the text of one file; throws <see cref="VCardParseException"/> naming the file and line.</summary>
    public static VCardCard Parse(string text, string fileName)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lineBreak = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = ContentLineReader.Read(text, lineBreak);
        if (lines.Count == 0)
        {
            throw new VCardParseException(fileName, 1, "the file is empty; a card starts with BEGIN:VCARD.");
        }

        if (!IsMarker(lines[0], "BEGIN"))
        {
            throw new VCardParseException(fileName, lines[0].LineNumber, "expected BEGIN:VCARD.");
        }

        var properties = new List<VCardProperty>();
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (IsMarker(line, "BEGIN"))
            {
                throw new VCardParseException(fileName, line.LineNumber, "a nested BEGIN:VCARD (a 2.1 AGENT card) is not supported.");
            }

            if (!IsMarker(line, "END"))
            {
                properties.Add(PropertyParser.Parse(line, fileName));
                continue;
            }

            if (i + 1 < lines.Count)
            {
                var next = lines[i + 1];
                throw new VCardParseException(
                    fileName,
                    next.LineNumber,
                    IsMarker(next, "BEGIN")
                        ? "the file holds more than one card; the vdir layout keeps one card per file."
                        : "unexpected content after END:VCARD.");
            }

            return new VCardCard(properties, lineBreak) { BeginText = lines[0].SourceText, EndText = line.SourceText };
        }

        throw new VCardParseException(fileName, lines[^1].LineNumber, "the card has no END:VCARD (the file may be truncated).");
    }

    private static bool IsMarker(ContentLine line, string marker) =>
        line.Text.Trim().Equals(marker + ":VCARD", StringComparison.OrdinalIgnoreCase);
}
