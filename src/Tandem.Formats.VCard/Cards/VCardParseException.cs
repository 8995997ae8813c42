namespace Tandem.Formats.VCard.Cards;

/// <summary>
/// A card file that is not a valid vCard. The message names the file and the line and says what is
/// wrong; it never quotes the line, which would leak contact data into logs.
/// </summary>
public sealed class VCardParseException : Exception
{
    public VCardParseException()
    {
    }

    public VCardParseException(string message)
        : base(message)
    {
    }

    public VCardParseException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public VCardParseException(string fileName, int lineNumber, string problem)
        : base($"{fileName}, line {lineNumber}: {problem}")
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Problem = problem;
    }

    public string? FileName { get; }

    public int LineNumber { get; }

    /// <summary>What is wrong, without the file name and line.</summary>
    public string? Problem { get; }
}
