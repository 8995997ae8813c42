using Microsoft.Extensions.Logging;
using Tandem.Formats.VCard;
using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Contacts;

namespace Tandem.Connectors.VCardFolder.Folder;

/// <summary>
/// Reads card files into records. A file that cannot be read or parsed is skipped and logged (file name and
/// problem only), so one bad file never fails a listing.
/// </summary>
internal sealed class CardLoader
{
    private readonly string? defaultRegion;
    private readonly ILogger logger;

    public CardLoader(string? defaultRegion, ILogger logger)
    {
        this.defaultRegion = defaultRegion;
        this.logger = logger;
    }

    /// <summary>
    /// Loads and parses a file. The stamp is taken before the read: a file changed meanwhile then shows a
    /// newer stamp on the next listing and is read again, where the other order would hide the change.
    /// Throws <see cref="VCardParseException"/> for a bad card; null when the file vanished.
    /// </summary>
    public static async Task<LoadedCard?> LoadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        file.Refresh();
        if (!file.Exists)
        {
            return null;
        }

        var stamp = VdirFolder.Stamp(file);
        if (file.Length > VdirFolder.MaxCardBytes)
        {
            throw new VCardParseException(file.Name, 1, $"the file is larger than {VdirFolder.MaxCardBytes / (1024 * 1024)} MiB.");
        }

        string text;
        try
        {
            text = await VdirFolder.ReadAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return new LoadedCard(file, stamp, text, VCardReader.Parse(text, file.Name));
    }

    public ContactRecord ToRecord(LoadedCard loaded) => ToRecord(loaded.Card, loaded.File.Name, loaded.Stamp);

    public ContactRecord ToRecord(VCardCard card, string id, string stamp) => VCardContacts.Read(card, id, stamp, defaultRegion);

    /// <summary>The record of a file, or null when it vanished or is not a readable card (then logged).</summary>
    public async Task<ContactRecord?> TryReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        try
        {
            var loaded = await LoadAsync(file, cancellationToken).ConfigureAwait(false);
            return loaded is null ? null : ToRecord(loaded);
        }
        catch (VCardParseException ex)
        {
            VCardFolderLog.SkippedCard(logger, file.Name, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            VCardFolderLog.UnreadableCard(logger, file.Name, ex.GetType().Name);
        }

        return null;
    }
}
