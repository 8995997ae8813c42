using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Contacts;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>
/// One write at a time, one result each: create (<c>POST apis/contact/v4</c>), update (<c>PUT apis/contact/v4/{id}</c>)
/// after reading the contact to check its version, delete; each followed by a read of the contact as it now is.
/// A <c>Status: failure</c> (HTTP 200) fails that write alone with Salesmate's message; <c>ObjectNotFound</c> on an
/// update is such a failure too, never a deletion: deletions are only ever inferred from a complete listing.
/// </summary>
internal sealed class ContactWrites
{
    private const string Stale = "The contact changed in Salesmate since Tandem read it.";
    private const string Gone = "Salesmate no longer finds this contact, so it was not changed; if it was deleted there, the next complete listing shows it.";

    private readonly SalesmateClient client;
    private readonly ContactReader reader;
    private readonly ILogger logger;

    public ContactWrites(SalesmateClient client, ContactReader reader, ILogger logger)
    {
        this.client = client;
        this.reader = reader;
        this.logger = logger;
    }

    public async Task<WriteResult> ApplyAsync(WriteOperation operation, AccountDirectory account, CancellationToken cancellationToken)
    {
        try
        {
            return operation switch
            {
                CreateOperation create => WriteResult.Success(create.OperationId, await CreateAsync(create, account, cancellationToken).ConfigureAwait(false)),
                UpdateOperation update => await UpdateAsync(update, account, cancellationToken).ConfigureAwait(false),
                DeleteOperation delete => await DeleteAsync(delete, cancellationToken).ConfigureAwait(false),
                _ => throw new ArgumentException("Unknown write.", nameof(operation)),
            };
        }
        catch (ValueRefusedException ex)
        {
            return WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, ex.Message);
        }
        catch (SalesmateApiException ex) when (ex.IsRefusal)
        {
            SalesmateLog.Refused(logger, ex.Code, ex.Name);
            return WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, ex.IsObjectNotFound ? Gone : Reason(ex));
        }
        catch (ConnectorException ex) when (WriteFailures.For(operation.OperationId, ex, Gone, Stale) is { } failed)
        {
            return failed;
        }
    }

    public async Task<JsonObject> GetAsync(string id, CancellationToken cancellationToken) =>
        await client.GetAsync($"apis/contact/v4/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false) as JsonObject
        ?? throw new SalesmateApiException("Salesmate answered a contact read without the contact.");

    private static string Reason(SalesmateApiException error) =>
        error.AppReason.Length > 0 ? $"Salesmate refused the contact: {error.AppReason}" : error.Message;

    private async Task<ContactRecord> CreateAsync(CreateOperation create, AccountDirectory account, CancellationToken cancellationToken)
    {
        var body = await ContactWriter.CreateBodyAsync(create, account, cancellationToken).ConfigureAwait(false);
        var created = await client.PostAsync("apis/contact/v4", body, cancellationToken).ConfigureAwait(false);
        var id = JsonFields.Int(created as JsonObject, "id") ?? throw new OutcomeUnknownException("Salesmate created the contact but did not say its id.");
        return reader.Read(await GetAsync(id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false), account);
    }

    private async Task<WriteResult> UpdateAsync(UpdateOperation update, AccountDirectory account, CancellationToken cancellationToken)
    {
        // Salesmate's update takes no version: the contact is read first, and one that moved since Tandem read it is
        // not overwritten (a change between this read and the write is the one race left).
        var current = await GetAsync(update.RecordId, cancellationToken).ConfigureAwait(false);
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
        return WriteResult.Success(update.OperationId, reader.Read(await GetAsync(update.RecordId, cancellationToken).ConfigureAwait(false), account));
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
