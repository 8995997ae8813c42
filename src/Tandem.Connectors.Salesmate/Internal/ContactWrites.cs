using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Contacts;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>
/// A batch's writes, one call each (Salesmate has no batch write): create (<c>POST apis/contact/v4</c>), update
/// (<c>PUT apis/contact/v4/{id}</c>) after checking its version, delete. The contacts to update are read together before
/// the writes, and the contacts written are read back together after them (<see cref="ContactsById"/>, 250 a call);
/// one a search misses is read alone. A <c>Status: failure</c> (HTTP 200) fails that write alone with Salesmate's
/// message; <c>ObjectNotFound</c> on an update is such a failure too, never a deletion: deletions are only ever inferred
/// from a complete listing.
/// </summary>
internal sealed class ContactWrites
{
    private const string Stale = "The contact changed in Salesmate since Tandem read it.";
    private const string Gone = "Salesmate no longer finds this contact, so it was not changed; if it was deleted there, the next complete listing shows it.";

    private readonly SalesmateClient client;
    private readonly ContactReader reader;
    private readonly ContactsById byId;
    private readonly ILogger logger;

    public ContactWrites(SalesmateClient client, ContactReader reader, ContactsById byId, ILogger logger)
    {
        this.client = client;
        this.reader = reader;
        this.byId = byId;
        this.logger = logger;
    }

    /// <summary>One result per operation, in order.</summary>
    public async Task<IReadOnlyList<WriteResult>> ApplyAsync(IReadOnlyList<WriteOperation> operations, AccountDirectory account, CancellationToken cancellationToken)
    {
        var fields = account.DisplayingFields();
        var updates = operations.OfType<UpdateOperation>().Select(u => u.RecordId).ToList();
        var current = updates.Count == 0 ? [] : await byId.ReadAsync(updates, fields, cancellationToken).ConfigureAwait(false);
        var results = new WriteResult?[operations.Count];
        var written = new Dictionary<int, string>();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            try
            {
                switch (operation)
                {
                    case CreateOperation create:
                        written[i] = await CreateAsync(create, account, cancellationToken).ConfigureAwait(false);
                        break;
                    case UpdateOperation update:
                        var row = current.GetValueOrDefault(update.RecordId) ?? await GetAsync(update.RecordId, cancellationToken).ConfigureAwait(false);
                        results[i] = await UpdateAsync(update, row, account, cancellationToken).ConfigureAwait(false);
                        if (results[i] is null)
                        {
                            written[i] = update.RecordId;
                        }

                        break;
                    case DeleteOperation delete:
                        results[i] = await DeleteAsync(delete, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        throw new ArgumentException("Unknown write.", nameof(operations));
                }
            }
            catch (Exception ex) when (Failure(operation, ex) is { } failed)
            {
                results[i] = failed;
            }
        }

        await ReadBackAsync(operations, written, results, account, cancellationToken).ConfigureAwait(false);
        return results.Select(r => r!).ToList();
    }

    public async Task<JsonObject> GetAsync(string id, CancellationToken cancellationToken) =>
        await client.GetAsync($"apis/contact/v4/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false) as JsonObject
        ?? throw new SalesmateApiException("Salesmate answered a contact read without the contact.");

    private async Task ReadBackAsync(IReadOnlyList<WriteOperation> operations, Dictionary<int, string> written, WriteResult?[] results, AccountDirectory account, CancellationToken cancellationToken)
    {
        if (written.Count == 0)
        {
            return;
        }

        Dictionary<string, JsonObject> back;
        try
        {
            back = await byId.ReadAsync(written.Values, account.DisplayingFields(), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException)
        {
            // The writes are done; each written contact is then read alone below.
            back = [];
        }

        foreach (var (index, id) in written)
        {
            try
            {
                var row = back.GetValueOrDefault(id) ?? await GetAsync(id, cancellationToken).ConfigureAwait(false);
                results[index] = WriteResult.Success(operations[index].OperationId, reader.Read(row, account));
            }
            catch (Exception ex) when (Failure(operations[index], ex) is { } failed)
            {
                results[index] = failed;
            }
        }
    }

    private WriteResult? Failure(WriteOperation operation, Exception error)
    {
        switch (error)
        {
            case ValueRefusedException refused:
                return WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, refused.Message);
            case SalesmateApiException { IsRefusal: true } api:
                SalesmateLog.Refused(logger, api.Code, api.Name);
                return WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, api.IsObjectNotFound ? Gone : Reason(api));
            case ConnectorException connector:
                return WriteFailures.For(operation.OperationId, connector, Gone, Stale);
            default:
                return null;
        }
    }

    private static string Reason(SalesmateApiException error) =>
        error.AppReason.Length > 0 ? $"Salesmate refused the contact: {error.AppReason}" : error.Message;

    /// <summary>Creates the contact and answers its id (it is read back with the batch's other writes).</summary>
    private async Task<string> CreateAsync(CreateOperation create, AccountDirectory account, CancellationToken cancellationToken)
    {
        var body = await ContactWriter.CreateBodyAsync(create, account, cancellationToken).ConfigureAwait(false);
        var created = await client.PostAsync("apis/contact/v4", body, cancellationToken).ConfigureAwait(false);
        var id = JsonFields.Int(created as JsonObject, "id") ?? throw new OutcomeUnknownException("Salesmate created the contact but did not say its id.");
        return id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The update's result when it is settled without a write (stale, nothing to change), else null once written.</summary>
    private async Task<WriteResult?> UpdateAsync(UpdateOperation update, JsonObject current, AccountDirectory account, CancellationToken cancellationToken)
    {
        // Salesmate's update takes no version: the contact was read first, and one that moved since Tandem read it is
        // not overwritten (a change between that read and the write is the one race left).
        if (update.ExpectedVersion is { } expected && !string.Equals(ContactReader.Version(current), expected, StringComparison.Ordinal))
        {
            return WriteResult.Failed(update.OperationId, WriteFailureKind.StaleVersion, Stale);
        }

        var body = await ContactWriter.UpdateBodyAsync(update, current, account, reader, cancellationToken).ConfigureAwait(false);
        if (body.Count == 0)
        {
            return WriteResult.Success(update.OperationId, reader.Read(current, account));
        }

        await client.PutAsync($"apis/contact/v4/{Uri.EscapeDataString(update.RecordId)}", body, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<WriteResult> DeleteAsync(DeleteOperation delete, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync($"apis/contact/v4/{Uri.EscapeDataString(delete.RecordId)}", cancellationToken).ConfigureAwait(false);
        }
        catch (SalesmateApiException ex) when (ex.IsObjectNotFound)
        {
            // Already gone: what the delete asked for is true.
        }

        return WriteResult.Success(delete.OperationId, null);
    }
}
