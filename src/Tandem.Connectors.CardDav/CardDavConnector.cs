using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.CardDav.Cards;
using Tandem.Connectors.CardDav.Discovery;
using Tandem.Connectors.CardDav.Http;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Formats.VCard;

namespace Tandem.Connectors.CardDav;

/// <summary>
/// One address book on a CardDAV server. The record id is the card's resource name, the version its etag.
/// The server is discovered on the first call; see <c>README.md</c>.
/// </summary>
public sealed class CardDavConnector : IContactConnector
{
    /// <summary>The cursor on the last listing page in <see cref="ChangeFeedMode.EtagListing"/> mode.</summary>
    public const string ListingCursor = "etag-listing";

    private readonly CardDavSettings settings;
    private readonly CardDavOptions options;
    private readonly ConnectorContext context;
    private readonly ILogger logger;
    private readonly DavClient client;
    private readonly SemaphoreSlim connectLock = new(1, 1);
    private Session? session;

    internal CardDavConnector(CardDavSettings settings, CardDavOptions options, ConnectorContext context)
    {
        this.settings = settings;
        this.options = options;
        this.context = context;
        logger = context.LoggerFactory.CreateLogger<CardDavConnector>();
        client = new DavClient(settings.ServerUrl, settings.UserName, settings.Password, options, context, logger);
        Capabilities = CardDavConnectorFactory.CapabilitiesFor(settings.ChangeFeed, options);
    }

    public ConnectorCapabilities Capabilities { get; }

    /// <summary>The address book in use, once connected.</summary>
    public AddressBookInfo? AddressBook => session?.Book;

    /// <summary>The address books the account offers (for the wizard's picker).</summary>
    public Task<IReadOnlyList<AddressBookInfo>> ListAddressBooksAsync(CancellationToken cancellationToken) =>
        new AddressBookFinder(client).FindAsync(settings.ServerUrl, cancellationToken);

    /// <summary>How many cards an address book holds, by listing their versions (one PROPFIND, paged as the listing is).</summary>
    public async Task<int> CountCardsAsync(AddressBookInfo book, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        var reads = new CardReads(client, book.Url, settings.DefaultRegion, Capabilities.ReadBatchSize, logger);
        var count = 0;
        await foreach (var page in reads.ListVersionsAsync(cancellationToken).ConfigureAwait(false))
        {
            count += page.Count;
        }

        return count;
    }

    /// <summary>Discovers the server and checks the chosen address book; settings problems throw <see cref="ConnectorSettingsException"/>.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken) => await SessionAsync(cancellationToken).ConfigureAwait(false);

    public Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken) => Task.FromResult(VCardContacts.Schema);

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var s = await SessionAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> ids;
        string cursor;
        if (settings.ChangeFeed == ChangeFeedMode.SyncToken)
        {
            // The initial sync-collection lists every card and hands over the token in one answer: nothing changed
            // during the listing can fall between them.
            var all = await s.Reads.SyncAsync(string.Empty, cancellationToken).ConfigureAwait(false);
            ids = all.ChangedIds.ToList();
            cursor = all.Token;
        }
        else
        {
            var listed = new List<string>();
            await foreach (var page in s.Reads.ListVersionsAsync(cancellationToken).ConfigureAwait(false))
            {
                listed.AddRange(page.Select(v => v.Id));
            }

            ids = listed;
            cursor = ListingCursor;
        }

        var batches = ids.Chunk(Capabilities.ReadBatchSize).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var records = await s.Reads.MultigetAsync(batches[i], cancellationToken).ConfigureAwait(false);
            yield return new RecordPage(records, i == batches.Count - 1 ? cursor : null);
        }

        if (batches.Count == 0)
        {
            yield return new RecordPage([], cursor);
        }
    }

    public async Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken)
    {
        if (settings.ChangeFeed != ChangeFeedMode.SyncToken)
        {
            throw new NotSupportedException("In etag-listing mode changes are found with ListVersionsAsync.");
        }

        var s = await SessionAsync(cancellationToken).ConfigureAwait(false);
        var sync = await s.Reads.SyncAsync(cursor, cancellationToken).ConfigureAwait(false);

        // Cards named with their etag are left to the engine, which fetches only versions it does not hold (its own
        // writes come back here with the etag it already stored); a card without an etag is fetched now.
        var withoutEtag = sync.Changed.Where(c => c.Version.Length == 0).Select(c => c.Id).ToArray();
        var changed = withoutEtag.Length == 0 ? [] : await s.Reads.MultigetAsync(withoutEtag, cancellationToken).ConfigureAwait(false);
        return new ChangePage(changed, sync.DeletedIds, sync.Token, sync.Truncated)
        {
            ChangedVersions = sync.Changed.Where(c => c.Version.Length > 0).ToArray(),
        };
    }

    public async IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var s = await SessionAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var page in s.Reads.ListVersionsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return page;
        }
    }

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var s = await SessionAsync(cancellationToken).ConfigureAwait(false);
        return await s.Reads.MultigetAsync(ids, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        var s = await SessionAsync(cancellationToken).ConfigureAwait(false);
        return await s.Writes.ApplyAsync(operations, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        var s = await SessionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in ResourceNames.CandidatesFor(clientReference))
        {
            if (await s.Reads.GetAsync(name, cancellationToken).ConfigureAwait(false) is not { } card)
            {
                break;
            }

            if (s.Reads.ToRecord(name, card.Text, card.Etag) is { } record && record.ClientReference == clientReference)
            {
                return record;
            }
        }

        // Another client may have renamed the card: look for its UID in a listing.
        await foreach (var page in ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (page.Records.FirstOrDefault(r => r.ClientReference == clientReference) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        connectLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<Session> SessionAsync(CancellationToken cancellationToken)
    {
        if (session is { } ready)
        {
            return ready;
        }

        await connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (session is null)
            {
                var book = ChooseBook(await ListAddressBooksAsync(cancellationToken).ConfigureAwait(false));
                var reads = new CardReads(client, book.Url, settings.DefaultRegion, options.MultigetBatchSize, logger);
                session = new Session(book, reads, new CardWrites(client, reads, settings.DefaultRegion, context.Time, logger, options.WriteConcurrency));
            }

            return session;
        }
        finally
        {
            connectLock.Release();
        }
    }

    private AddressBookInfo ChooseBook(IReadOnlyList<AddressBookInfo> books)
    {
        if (books.Count == 0)
        {
            throw new ConnectorSettingsException("The CardDAV account has no address book.");
        }

        var offered = string.Join(", ", books.Select(b => b.ToString()));
        if (settings.AddressBook is null)
        {
            throw new ConnectorSettingsException($"The setting {CardDavSettings.Labels[nameof(CardDavSettings.AddressBook)]} is required: choose one of the address books offered: {offered}.");
        }

        var book = books.FirstOrDefault(b => b.Matches(settings.AddressBook))
            ?? throw new ConnectorSettingsException($"The setting {CardDavSettings.Labels[nameof(CardDavSettings.AddressBook)]} names no address book of this account; the address books offered are: {offered}.");
        if (settings.ChangeFeed == ChangeFeedMode.SyncToken && !book.SupportsSyncCollection)
        {
            throw new ConnectorSettingsException($"The address book {book} does not support sync-collection (RFC 6578); set {CardDavSettings.Labels[nameof(CardDavSettings.GivenChangeFeed)]} to 'etag-listing'.");
        }

        return book;
    }

    private sealed record Session(AddressBookInfo Book, CardReads Reads, CardWrites Writes);
}
