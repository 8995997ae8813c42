using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.CardDav.Dav;
using Tandem.Connectors.CardDav.Http;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Formats.VCard;
using Tandem.Formats.VCard.Cards;

namespace Tandem.Connectors.CardDav.Cards;

/// <summary>Reads an address book: sync-collection reports, etag listings, multiget batches and single cards.</summary>
internal sealed class CardReads
{
    private readonly DavClient client;
    private readonly Uri book;
    private readonly CardPaths paths;
    private readonly string? defaultRegion;
    private readonly int batchSize;
    private readonly ILogger logger;

    public CardReads(DavClient client, Uri book, string? defaultRegion, int batchSize, ILogger logger)
    {
        this.client = client;
        this.book = book;
        paths = new CardPaths(book);
        this.defaultRegion = defaultRegion;
        this.batchSize = batchSize;
        this.logger = logger;
    }

    public CardPaths Paths => paths;

    /// <summary>
    /// RFC 6578 changes since <paramref name="token"/> (every card for an empty token). A token the server no
    /// longer accepts throws <see cref="CursorExpiredException"/>.
    /// </summary>
    public async Task<SyncResult> SyncAsync(string token, CancellationToken cancellationToken)
    {
        using var request = DavRequests.SyncCollection(book, token);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.MultiStatus)
        {
            // RFC 6578 §3.2: 403/409 with DAV:valid-sync-token. Xandikos 0.2.8 answers 500 to a token it does not
            // know; a full listing is always safe (it writes nothing for unchanged cards), so that counts too.
            if (token.Length > 0 && (int)response.StatusCode is 403 or 409 or 400 or 500)
            {
                CardDavLog.SyncTokenRejected(logger, (int)response.StatusCode);
                throw new CursorExpiredException($"The CardDAV server no longer accepts the sync token (status {(int)response.StatusCode}).");
            }

            throw client.Unexpected(request, response);
        }

        var changed = new List<RecordVersion>();
        var deleted = new List<string>();
        string? next = null;
        var truncated = false;
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var element in MultistatusReader.ReadAsync(body, cancellationToken).ConfigureAwait(false))
        {
            if (element.Name == DavNames.SyncToken)
            {
                next = element.Value.Trim();
                continue;
            }

            if (element.Name != DavNames.Response)
            {
                continue;
            }

            var item = DavResponse.Parse(element);
            if (paths.IdOf(item.Href) is not { } id)
            {
                // The collection itself: 507 means the server truncated the answer (RFC 6578 §3.6).
                truncated |= item.Status == 507;
                continue;
            }

            if (item.Status == 404)
            {
                deleted.Add(id);
            }
            else if (item.Found is not null)
            {
                changed.Add(new RecordVersion(id, item.Text(DavNames.GetEtag)?.Trim() ?? string.Empty));
            }
        }

        client.Listing.Count(changed.Count + deleted.Count);
        return new SyncResult(changed, deleted, next ?? throw new ConnectorException("The CardDAV server's sync-collection answer carries no sync token."), truncated);
    }

    /// <summary>Every card's id and etag (PROPFIND Depth 1), page by page, streamed.</summary>
    public async IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = DavRequests.Propfind(book, 1, DavNames.GetEtag, DavNames.ResourceType);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.MultiStatus)
        {
            throw client.Unexpected(request, response);
        }

        var page = new List<RecordVersion>(batchSize);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var element in MultistatusReader.ReadAsync(body, cancellationToken).ConfigureAwait(false))
        {
            if (element.Name == DavNames.Response && DavResponse.Parse(element) is { IsCollection: false } item
                && paths.IdOf(item.Href) is { } id && item.Text(DavNames.GetEtag) is { } etag)
            {
                page.Add(new RecordVersion(id, etag.Trim()));
                if (page.Count == batchSize)
                {
                    client.Listing.Count(page.Count);
                    yield return page;
                    page = new List<RecordVersion>(batchSize);
                }
            }
        }

        if (page.Count > 0)
        {
            client.Listing.Count(page.Count);
            yield return page;
        }
    }

    /// <summary>The cards with these ids, fetched with <c>addressbook-multiget</c> in batches; missing and unreadable cards are left out.</summary>
    public async Task<List<ContactRecord>> MultigetAsync(IEnumerable<string> ids, CancellationToken cancellationToken) =>
        (await FetchAsync(ids, cancellationToken).ConfigureAwait(false))
            .Select(card => ToRecord(card.Id, card.Text, card.Etag))
            .OfType<ContactRecord>()
            .ToList();

    /// <summary>The text and etag of the cards with these ids, by <c>addressbook-multiget</c> in batches; missing cards are left out.</summary>
    public async Task<List<FetchedCard>> FetchAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var cards = new List<FetchedCard>();
        foreach (var batch in ids.Distinct(StringComparer.Ordinal).Select(paths.HrefOf).OfType<string>().Chunk(batchSize))
        {
            using var request = DavRequests.Multiget(book, batch);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.MultiStatus)
            {
                throw client.Unexpected(request, response);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var element in MultistatusReader.ReadAsync(body, cancellationToken).ConfigureAwait(false))
            {
                if (element.Name == DavNames.Response && DavResponse.Parse(element) is var item
                    && paths.IdOf(item.Href) is { } id && item.Text(DavNames.AddressData) is { } text)
                {
                    cards.Add(new FetchedCard(id, text, item.Text(DavNames.GetEtag)?.Trim() ?? string.Empty));
                }
            }
        }

        return cards;
    }

    /// <summary>One card's text and etag, or null when it does not exist.</summary>
    public async Task<FetchedCard?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (paths.UriOf(id) is not { } uri)
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw client.Unexpected(request, response);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new FetchedCard(id, text, response.Headers.ETag?.ToString() ?? string.Empty);
    }

    public ContactRecord? ToRecord(string id, string text, string etag)
    {
        try
        {
            return VCardContacts.Read(text, id, etag, defaultRegion);
        }
        catch (VCardParseException ex)
        {
            CardDavLog.SkippedCard(logger, id, ex.Problem ?? ex.Message);
            return null;
        }
    }
}
