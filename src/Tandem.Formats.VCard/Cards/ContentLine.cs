namespace Tandem.Formats.VCard.Cards;

/// <summary>One unfolded logical line of a card file, with where it came from.</summary>
/// <param name="Text">The unfolded line.</param>
/// <param name="LineNumber">The 1-based physical line it starts on.</param>
/// <param name="SourceText">The physical lines as read, joined by the file's line break.</param>
internal sealed record ContentLine(string Text, int LineNumber, string SourceText);
