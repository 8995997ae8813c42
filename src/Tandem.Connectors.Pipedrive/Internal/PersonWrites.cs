using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// One write, one call (Pipedrive has no batch endpoint for persons). A create is never repeated once it may have
/// reached Pipedrive (<see cref="WriteFailureKind.Unknown"/>); an update checks the person as read just before (the
/// connector reads a batch's persons in one call) and fails with <see cref="WriteFailureKind.StaleVersion"/> when it
/// changed since the version the engine holds; Pipedrive's 4xx
/// for bad values becomes <see cref="WriteFailureKind.Rejected"/> with Pipedrive's message.
/// </summary>
internal sealed class PersonWrites
{
    private const string NotFound = "The person no longer exists in Pipedrive.";
    private const string Stale = "The person changed in Pipedrive since it was read.";

    private readonly PipedriveClient client;
    private readonly PersonReader reader;
    private readonly ILogger logger;

    public PersonWrites(PipedriveClient client, PersonReader reader, ILogger logger)
    {
        this.client = client;
        this.reader = reader;
        this.logger = logger;
    }

    /// <param name="operation">The write.</param>
    /// <param name="directory">Fields, labels, organizations.</param>
    /// <param name="current">Persons just read for the batch's updates, by id; one missing here is read on its own.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<WriteResult> ApplyAsync(WriteOperation operation, CompanyDirectory directory, IReadOnlyDictionary<string, JsonObject> current, CancellationToken cancellationToken)
    {
        try
        {
            return operation switch
            {
                CreateOperation create => await CreateAsync(create, directory, cancellationToken).ConfigureAwait(false),
                UpdateOperation update => await UpdateAsync(update, directory, current, cancellationToken).ConfigureAwait(false),
                DeleteOperation delete => await DeleteAsync(delete, cancellationToken).ConfigureAwait(false),
                _ => WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, "Pipedrive does not support this operation."),
            };
        }
        catch (ConnectorException ex) when (WriteFailures.For(operation.OperationId, ex, NotFound, Stale) is { } failed)
        {
            // A 5xx on an idempotent call (a delete) after its retries: it may have happened (Unknown).
            return failed;
        }
        catch (FormatException ex)
        {
            return WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, ex.Message);
        }
    }

    private async Task<WriteResult> CreateAsync(CreateOperation create, CompanyDirectory directory, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        await PersonWriter.ApplyAsync(body, create.Fields.Select(f => new Domain.Mapping.FieldChange(f.Key, f.Value)), directory, logger, cancellationToken).ConfigureAwait(false);
        PersonWriter.ComposeName(body, current: null);
        if (string.IsNullOrWhiteSpace(Json.Text(body, "name")))
        {
            // Pipedrive requires a name; a contact known only by its email is named after it.
            if (Json.Text(Json.Items(body, "emails").FirstOrDefault(), "value") is not { } email)
            {
                return WriteResult.Failed(create.OperationId, WriteFailureKind.Rejected, "Pipedrive needs a name or an email for a new person.");
            }

            body["name"] = email;
        }

        await directory.AddLabelsAsync(create.Tags, logger, cancellationToken).ConfigureAwait(false);
        body["label_ids"] = new JsonArray(LabelIds(create.Tags, directory).Select(id => (JsonNode)id).ToArray());
        if (create.Unsubscribed && directory.HasMarketingStatus)
        {
            body["marketing_status"] = "unsubscribed";
        }

        var created = await client.PostAsync("api/v2/persons", body, cancellationToken).ConfigureAwait(false);
        return WriteResult.Success(create.OperationId, await ReadAsync(created, before: null, directory, create.Unsubscribed, cancellationToken).ConfigureAwait(false));
    }

    private async Task<WriteResult> UpdateAsync(UpdateOperation update, CompanyDirectory directory, IReadOnlyDictionary<string, JsonObject> current, CancellationToken cancellationToken)
    {
        if (!int.TryParse(update.RecordId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return WriteResult.Failed(update.OperationId, WriteFailureKind.NotFound, "Not a Pipedrive person id.");
        }

        // Read-check-write: Pipedrive has no conditional update, so the version is compared just before the PATCH.
        var person = current.GetValueOrDefault(update.RecordId)
            ?? (await client.GetAsync($"api/v2/persons/{id}?{directory.IncludeFields}", cancellationToken).ConfigureAwait(false))["data"] as JsonObject
            ?? throw new PipedriveApiException("Pipedrive returned no person.");
        await directory.PrepareAsync([person], cancellationToken).ConfigureAwait(false);
        var record = reader.Read(person, directory);
        if (update.ExpectedVersion is { } expected && expected != record.Version)
        {
            return WriteResult.Failed(update.OperationId, WriteFailureKind.StaleVersion, "The person changed in Pipedrive since it was read.");
        }

        var body = new JsonObject();
        await PersonWriter.ApplyAsync(body, update.Changes, directory, logger, cancellationToken).ConfigureAwait(false);
        PersonWriter.ComposeName(body, person);
        if (update.AddTags.Count > 0 || update.RemoveTags.Count > 0)
        {
            await directory.AddLabelsAsync(update.AddTags, logger, cancellationToken).ConfigureAwait(false);
            var remove = LabelIds(update.RemoveTags, directory, log: false).ToHashSet();
            var labels = (person["label_ids"] as JsonArray ?? []).Select(Json.Int).OfType<int>().Where(l => !remove.Contains(l)).Concat(LabelIds(update.AddTags, directory)).Distinct().ToList();
            body["label_ids"] = new JsonArray(labels.Select(l => (JsonNode)l).ToArray());
        }

        if (update.Unsubscribe && !record.IsUnsubscribed && directory.HasMarketingStatus)
        {
            body["marketing_status"] = "unsubscribed";
        }

        if (body.Count == 0)
        {
            return WriteResult.Success(update.OperationId, record);
        }

        var patched = await client.PatchAsync($"api/v2/persons/{id}", body, cancellationToken).ConfigureAwait(false);
        return WriteResult.Success(update.OperationId, await ReadAsync(patched, person, directory, record.IsUnsubscribed || update.Unsubscribe, cancellationToken).ConfigureAwait(false));
    }

    private async Task<WriteResult> DeleteAsync(DeleteOperation delete, CancellationToken cancellationToken)
    {
        if (!int.TryParse(delete.RecordId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return WriteResult.Failed(delete.OperationId, WriteFailureKind.NotFound, "Not a Pipedrive person id.");
        }

        _ = await client.DeleteAsync($"api/v2/persons/{id}", cancellationToken).ConfigureAwait(false);
        return WriteResult.Success(delete.OperationId, null);
    }

    /// <summary>
    /// The person a write answered with; <c>marketing_status</c> is kept from before when the answer leaves it out, and
    /// so are the deal counts (writes take no <c>include_fields</c>; a person write never changes deals, and a new person
    /// has none), so the record reads as the next listing will.
    /// </summary>
    private async Task<Domain.Contacts.ContactRecord> ReadAsync(JsonObject answer, JsonObject? before, CompanyDirectory directory, bool unsubscribed, CancellationToken cancellationToken)
    {
        var person = answer["data"] as JsonObject ?? throw new PipedriveApiException("Pipedrive answered a write without the person.");
        foreach (var count in (string[])["open_deals_count", "closed_deals_count"])
        {
            if (!person.ContainsKey(count))
            {
                person[count] = before is null ? 0 : before[count]?.DeepClone();
            }
        }

        await directory.PrepareAsync([person], cancellationToken).ConfigureAwait(false);
        var record = reader.Read(person, directory);
        return person.ContainsKey("marketing_status") ? record : record with { IsUnsubscribed = unsubscribed };
    }

    private IEnumerable<int> LabelIds(IEnumerable<string> tags, CompanyDirectory directory, bool log = true)
    {
        foreach (var tag in tags)
        {
            if (directory.LabelId(tag) is { } id)
            {
                yield return id;
            }
            else if (log)
            {
                PipedriveLog.UnknownLabel(logger);
            }
        }
    }
}
