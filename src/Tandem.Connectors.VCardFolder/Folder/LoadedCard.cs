using Tandem.Formats.VCard.Cards;

namespace Tandem.Connectors.VCardFolder.Folder;

/// <summary>A card read from disk: the file, its stamp taken before the read, its text and the parsed card.</summary>
internal sealed record LoadedCard(FileInfo File, string Stamp, string Text, VCardCard Card);
