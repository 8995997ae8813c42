using System.Net;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.CardDav.Dav;
using Tandem.Connectors.CardDav.Http;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Mapping;
using Tandem.Formats.VCard;
using Tandem.Formats.VCard.Cards;

namespace Tandem.Connectors.CardDav.Cards;

/// <summary>
/// Creates (PUT, If-None-Match: *), updates (PUT, If-Match) and deletes cards. A 412 is reported as a stale
/// version so the engine re-reads and merges; nothing is ever overwritten blindly.
/// </summary>
internal sealed class CardWrites
{
    /// <summary>New cards are vCard 3.0, the version every CardDAV server and client reads; existing cards keep theirs.</summary>
    public const string NewCardVersion = "3.0";

    private const string ProductId = "-//Tandem//CardDAV connector//EN";

    private readonly DavClient client;
    private readonly CardReads reads;
    private readonly string? defaultRegion;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly int concurrency;

    public CardWrites(DavClient client, CardReads reads, string? defaultRegion, TimeProvider time, ILogger logger, int concurrency)
    {
        this.concurrency = Math.Max(1, concurrency);
        this.client = client;
        this.reads = reads;
        this.defaultRegion = defaultRegion;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// Applies a batch, a few writes in flight at once, and answers in the batch's order. The cards its updates change
    /// are read first with one <c>addressbook-multiget</c> per batch instead of a GET each (an update must start from
    /// the stored card to keep what Tandem does not own). The engine never puts two writes to one card in a batch.
    /// </summary>
    public async Task<List<WriteResult>> ApplyAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        var current = await PrefetchAsync(operations, cancellationToken).ConfigureAwait(false);
        var results = new WriteResult[operations.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, operations.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await ApplyAsync(operations[i], current, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. results];
    }

    private async Task<Dictionary<string, FetchedCard>> PrefetchAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        var ids = operations.OfType<UpdateOperation>().Select(u => u.RecordId).ToList();
        if (ids.Count < 2)
        {
            return new Dictionary<string, FetchedCard>(StringComparer.Ordinal);
        }

        try
        {
            return (await reads.FetchAsync(ids, cancellationToken).ConfigureAwait(false)).DistinctBy(c => c.Id, StringComparer.Ordinal).ToDictionary(c => c.Id, StringComparer.Ordinal);
        }
        catch (ConnectorException ex) when (!ex.IsAuthorizationFailure)
        {
            // Each update then reads its own card, and reports its own failure.
            CardDavLog.WriteFailed(logger, "(batch read)", ex.GetType().Name);
            return new Dictionary<string, FetchedCard>(StringComparer.Ordinal);
        }
    }

    private async Task<WriteResult> ApplyAsync(WriteOperation operation, Dictionary<string, FetchedCard> prefetched, CancellationToken cancellationToken)
    {
        try
        {
            return operation switch
            {
                CreateOperation create => await CreateAsync(create, cancellationToken).ConfigureAwait(false),
                UpdateOperation update => await UpdateAsync(update, prefetched.GetValueOrDefault(update.RecordId), cancellationToken).ConfigureAwait(false),
                DeleteOperation delete => await DeleteAsync(delete, cancellationToken).ConfigureAwait(false),
                _ => WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, $"A CardDAV address book cannot apply a {operation.GetType().Name}."),
            };
        }
        catch (ConnectorException ex) when (!ex.IsAuthorizationFailure)
        {
            // The request may or may not have reached the server: the engine settles it on a later run.
            CardDavLog.WriteFailed(logger, operation.OperationId, ex.GetType().Name);
            return WriteResult.Failed(operation.OperationId, WriteFailureKind.Unknown, ex.Message);
        }
    }

    private async Task<WriteResult> CreateAsync(CreateOperation create, CancellationToken cancellationToken)
    {
        var changes = VCardContacts.AsChanges(create.Fields);
        if (VCardContacts.Validate(changes) is { } reason)
        {
            return WriteResult.Failed(create.OperationId, WriteFailureKind.Rejected, reason);
        }

        foreach (var name in ResourceNames.CandidatesFor(create.ClientReference))
        {
            var card = VCardContacts.NewCard(NewCardVersion, create.ClientReference, ProductId);
            VCardContacts.Apply(card, changes, create.Tags, [], defaultRegion);
            VCardContacts.SetRevision(card, time.GetUtcNow());
            var text = VCardWriter.Write(card);
            using var request = DavRequests.Put(reads.Paths.UriOf(name)!, text, ifMatch: null, ifNoneMatch: true);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return await WrittenAsync(create.OperationId, name, text, response, cancellationToken).ConfigureAwait(false);
            }

            if (response.StatusCode != HttpStatusCode.PreconditionFailed)
            {
                return Refused(create.OperationId, name, request, response);
            }

            // The name is taken. If it is this very create, run before with its answer lost, converge that card.
            if (await reads.GetAsync(name, cancellationToken).ConfigureAwait(false) is { } existing
                && reads.ToRecord(name, existing.Text, existing.Etag) is { } record && record.ClientReference == create.ClientReference)
            {
                return await SaveAsync(create.OperationId, existing, changes, create.Tags, [], cancellationToken).ConfigureAwait(false);
            }
        }

        return WriteResult.Failed(create.OperationId, WriteFailureKind.Rejected, "No free resource name is left for this client reference.");
    }

    private async Task<WriteResult> UpdateAsync(UpdateOperation update, FetchedCard? prefetched, CancellationToken cancellationToken)
    {
        if (VCardContacts.Validate(update.Changes) is { } reason)
        {
            return WriteResult.Failed(update.OperationId, WriteFailureKind.Rejected, reason);
        }

        // A card missing from the batch read is read alone: a 404 there is the answer that counts.
        var current = prefetched ?? await reads.GetAsync(update.RecordId, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return WriteResult.Failed(update.OperationId, WriteFailureKind.NotFound, $"The card '{update.RecordId}' no longer exists.");
        }

        if (update.ExpectedVersion is not null && current.Etag.Length > 0 && update.ExpectedVersion != current.Etag)
        {
            return Stale(update.OperationId, update.RecordId);
        }

        return await SaveAsync(update.OperationId, current, update.Changes, update.AddTags, update.RemoveTags, cancellationToken).ConfigureAwait(false);
    }

    private async Task<WriteResult> SaveAsync(
        string operationId,
        FetchedCard current,
        IReadOnlyList<FieldChange> changes,
        IEnumerable<string> addTags,
        IEnumerable<string> removeTags,
        CancellationToken cancellationToken)
    {
        VCardCard card;
        try
        {
            card = VCardReader.Parse(current.Text, current.Id);
        }
        catch (VCardParseException ex)
        {
            return WriteResult.Failed(operationId, WriteFailureKind.Rejected, "The card is not a valid vCard: " + ex.Problem);
        }

        if (!VCardContacts.Apply(card, changes, addTags, removeTags, defaultRegion))
        {
            // Nothing Tandem owns changed: write nothing, so a quiet sync stays free of writes.
            return WriteResult.Success(operationId, reads.ToRecord(current.Id, current.Text, current.Etag));
        }

        VCardContacts.SetRevision(card, time.GetUtcNow());
        var text = VCardWriter.Write(card);
        using var request = DavRequests.Put(reads.Paths.UriOf(current.Id)!, text, current.Etag.Length > 0 ? current.Etag : null, ifNoneMatch: false);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            _ when response.IsSuccessStatusCode => await WrittenAsync(operationId, current.Id, text, response, cancellationToken).ConfigureAwait(false),
            HttpStatusCode.PreconditionFailed => Stale(operationId, current.Id),
            HttpStatusCode.NotFound => WriteResult.Failed(operationId, WriteFailureKind.NotFound, $"The card '{current.Id}' no longer exists."),
            _ => Refused(operationId, current.Id, request, response),
        };
    }

    private async Task<WriteResult> DeleteAsync(DeleteOperation delete, CancellationToken cancellationToken)
    {
        if (reads.Paths.UriOf(delete.RecordId) is not { } uri)
        {
            return WriteResult.Success(delete.OperationId, null);
        }

        using var request = new HttpRequestMessage(HttpMethod.Delete, uri);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // Deleting a card that is already gone has the effect asked for, so a retried delete succeeds.
        return response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone
            ? WriteResult.Success(delete.OperationId, null)
            : Refused(delete.OperationId, delete.RecordId, request, response);
    }

    /// <summary>
    /// The record as written. Servers may rewrite a card they store (RFC 6352 §6.3.2.3) and then send no ETag:
    /// the card is read back so the record and its version are what the server holds.
    /// </summary>
    private async Task<WriteResult> WrittenAsync(string operationId, string id, string text, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.ETag is { IsWeak: false } etag)
        {
            return WriteResult.Success(operationId, reads.ToRecord(id, text, etag.ToString()));
        }

        var stored = await reads.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? WriteResult.Failed(operationId, WriteFailureKind.Unknown, $"The card '{id}' was written but could not be read back.")
            : WriteResult.Success(operationId, reads.ToRecord(id, stored.Text, stored.Etag));
    }

    private WriteResult Refused(string operationId, string id, HttpRequestMessage request, HttpResponseMessage response)
    {
        CardDavLog.WriteFailed(logger, id, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return WriteResult.Failed(operationId, WriteFailureKind.Unknown, client.Unexpected(request, response).Message);
        }

        var reason = status is 403 or 409
            ? $"The CardDAV server refused the card '{id}' ({status}); another card in the address book may already use its UID."
            : client.Unexpected(request, response).Message;
        return WriteResult.Failed(operationId, WriteFailureKind.Rejected, reason);
    }

    private static WriteResult Stale(string operationId, string id) =>
        WriteResult.Failed(operationId, WriteFailureKind.StaleVersion, $"The card '{id}' changed on the server since Tandem read it.");
}
