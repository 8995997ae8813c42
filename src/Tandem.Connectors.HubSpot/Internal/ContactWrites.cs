using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Contacts;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// A batch of writes as HubSpot's batch endpoints take them: one <c>batch/create</c>, one <c>batch/update</c> and one
/// <c>batch/archive</c> call for up to 100 contacts each, their 207 answers read per contact (one failed input fails that
/// contact alone); a create refused because its email is taken is linked to the contact holding it, never sent again;
/// tags go to static lists one call per list; an unsubscribe goes to the communication preferences (Tandem never
/// subscribes anyone). Updates naming a version are checked against the contacts read just before (HubSpot has no
/// conditional update). The contacts are then read back in one call, with their lists.
/// </summary>
internal sealed partial class ContactWrites(HubSpotClient client, ContactReader reader, ILogger logger)
{
    private const string Gone = "The contact no longer exists in HubSpot.";
    private const string Stale = "The contact changed in HubSpot since it was read.";

    public async Task<IReadOnlyList<WriteResult>> ApplyAsync(IReadOnlyList<WriteOperation> operations, PropertyDirectory directory, ListDirectory lists, Preferences preferences, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, WriteResult>(StringComparer.Ordinal);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        var current = await CurrentAsync(operations.OfType<UpdateOperation>().Where(u => u.ExpectedVersion is not null).Select(u => u.RecordId).ToList(), directory, cancellationToken).ConfigureAwait(false);

        var creates = new List<(CreateOperation Operation, JsonObject Properties)>();
        var updates = new List<(UpdateOperation Operation, JsonObject Properties)>();
        foreach (var operation in operations)
        {
            try
            {
                switch (operation)
                {
                    case CreateOperation create:
                        creates.Add((create, ContactWriter.Properties(create.Fields.Select(f => KeyValuePair.Create<string, Domain.Fields.FieldValue?>(f.Key, f.Value)), directory)));
                        break;
                    case UpdateOperation update when update.ExpectedVersion is not null && !current.ContainsKey(update.RecordId):
                        results[update.OperationId] = WriteResult.Failed(update.OperationId, WriteFailureKind.NotFound, Gone);
                        break;
                    case UpdateOperation update when update.ExpectedVersion is not null && ContactReader.Version(current[update.RecordId]) != update.ExpectedVersion:
                        results[update.OperationId] = WriteResult.Failed(update.OperationId, WriteFailureKind.StaleVersion, Stale);
                        break;
                    case UpdateOperation update:
                        updates.Add((update, ContactWriter.Properties(update.Changes.Select(c => KeyValuePair.Create(c.Key, c.Value)), directory)));
                        break;
                }
            }
            catch (RefusedValueException ex)
            {
                results[operation.OperationId] = WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, ex.Message);
            }
        }

        await CreateAsync(creates, results, written, cancellationToken).ConfigureAwait(false);
        await UpdateAsync(updates, results, written, cancellationToken).ConfigureAwait(false);
        await ArchiveAsync(operations.OfType<DeleteOperation>().ToList(), results, cancellationToken).ConfigureAwait(false);
        await TagAsync(operations, written, lists, cancellationToken).ConfigureAwait(false);
        await UnsubscribeAsync(operations, written, preferences, directory, cancellationToken).ConfigureAwait(false);

        var records = await ReadBackAsync(written.Values.Distinct(StringComparer.Ordinal).ToList(), directory, lists, cancellationToken).ConfigureAwait(false);
        return [.. operations.Select(o => results.TryGetValue(o.OperationId, out var result) ? result
            : written.TryGetValue(o.OperationId, out var id) && records.TryGetValue(id, out var record) ? WriteResult.Success(o.OperationId, record)
            : WriteResult.Failed(o.OperationId, WriteFailureKind.NotFound, Gone))];
    }

    private async Task CreateAsync(List<(CreateOperation Operation, JsonObject Properties)> creates, Dictionary<string, WriteResult> results, Dictionary<string, string> written, CancellationToken cancellationToken)
    {
        if (creates.Count == 0)
        {
            return;
        }

        // The operation id travels as objectWriteTraceId, so each created contact and each error names its input.
        var inputs = new JsonArray([.. creates.Select(c => (JsonNode)new JsonObject { ["properties"] = Filled(c.Properties), ["associations"] = new JsonArray(), ["objectWriteTraceId"] = c.Operation.OperationId })]);
        if (await SendAsync(creates.Select(c => c.Operation.OperationId), "crm/v3/objects/contacts/batch/create", new JsonObject { ["inputs"] = inputs }, results, cancellationToken).ConfigureAwait(false) is not { } answer)
        {
            return;
        }

        var outcome = BatchOutcome.Read(answer, "objectWriteTraceId", "objectWriteTraceId");
        foreach (var (create, _) in creates)
        {
            var id = create.OperationId;
            if (outcome.Done.TryGetValue(id, out var contact))
            {
                written[id] = ContactReader.Id(contact);
            }
            else if (outcome.Failed.TryGetValue(id, out var failure) && ExistingId(failure.Message) is { } existing)
            {
                // The email is taken: the contact holding it is the one this create meant (HubSpot's emails are unique).
                HubSpotLog.LinkedDuplicate(logger, existing);
                written[id] = existing;
            }
            else
            {
                results[id] = WriteResult.Failed(id, WriteFailureKind.Rejected, outcome.Failed.TryGetValue(id, out var f) ? f.Message : "HubSpot did not create the contact.");
            }
        }
    }

    private async Task UpdateAsync(List<(UpdateOperation Operation, JsonObject Properties)> updates, Dictionary<string, WriteResult> results, Dictionary<string, string> written, CancellationToken cancellationToken)
    {
        foreach (var (update, _) in updates.Where(u => u.Properties.Count == 0))
        {
            written[update.OperationId] = update.RecordId;
        }

        // Two operations on one contact in a batch go as one input (HubSpot refuses duplicate ids); the later wins.
        var sent = updates.Where(u => u.Properties.Count > 0).GroupBy(u => u.Operation.RecordId, StringComparer.Ordinal).ToList();
        if (sent.Count == 0)
        {
            return;
        }

        var inputs = new JsonArray([.. sent.Select(g => (JsonNode)new JsonObject { ["id"] = g.Key, ["properties"] = Merge(g.Select(u => u.Properties)) })]);
        var operationIds = sent.SelectMany(g => g.Select(u => u.Operation.OperationId)).ToList();
        if (await SendAsync(operationIds, "crm/v3/objects/contacts/batch/update", new JsonObject { ["inputs"] = inputs }, results, cancellationToken).ConfigureAwait(false) is not { } answer)
        {
            return;
        }

        var outcome = BatchOutcome.Read(answer, "id", "ids");
        foreach (var group in sent)
        {
            foreach (var (update, _) in group)
            {
                if (outcome.Failed.TryGetValue(group.Key, out var failure))
                {
                    results[update.OperationId] = failure.Category == "OBJECT_NOT_FOUND"
                        ? WriteResult.Failed(update.OperationId, WriteFailureKind.NotFound, Gone)
                        : WriteResult.Failed(update.OperationId, WriteFailureKind.Rejected, failure.Message);
                }
                else
                {
                    // A merged-away id is answered as its survivor: the survivor is what was written.
                    written[update.OperationId] = outcome.Done.ContainsKey(group.Key) ? group.Key : outcome.Done.Keys.FirstOrDefault(k => !sent.Any(s => s.Key == k)) ?? group.Key;
                }
            }
        }
    }

    private async Task ArchiveAsync(List<DeleteOperation> deletes, Dictionary<string, WriteResult> results, CancellationToken cancellationToken)
    {
        if (deletes.Count == 0)
        {
            return;
        }

        var inputs = new JsonArray([.. deletes.Select(d => (JsonNode)new JsonObject { ["id"] = d.RecordId })]);
        if (await SendAsync(deletes.Select(d => d.OperationId), "crm/v3/objects/contacts/batch/archive", new JsonObject { ["inputs"] = inputs }, results, cancellationToken).ConfigureAwait(false) is not null)
        {
            foreach (var delete in deletes)
            {
                results[delete.OperationId] = WriteResult.Success(delete.OperationId, null);
            }
        }
    }

    private async Task TagAsync(IReadOnlyList<WriteOperation> operations, Dictionary<string, string> written, ListDirectory lists, CancellationToken cancellationToken)
    {
        var adds = new List<(string Tag, string Id)>();
        var removes = new List<(string Tag, string Id)>();
        foreach (var operation in operations)
        {
            if (!written.TryGetValue(operation.OperationId, out var id))
            {
                continue;
            }

            adds.AddRange((operation switch { CreateOperation c => c.Tags, UpdateOperation u => u.AddTags, _ => [] }).Select(t => (t, id)));
            removes.AddRange((operation is UpdateOperation update ? update.RemoveTags : []).Select(t => (t, id)));
        }

        foreach (var list in adds.GroupBy(a => a.Tag, StringComparer.OrdinalIgnoreCase))
        {
            await lists.AddAsync(list.Key, [.. list.Select(a => a.Id).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        }

        foreach (var list in removes.GroupBy(a => a.Tag, StringComparer.OrdinalIgnoreCase))
        {
            await lists.RemoveAsync(list.Key, [.. list.Select(a => a.Id).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UnsubscribeAsync(IReadOnlyList<WriteOperation> operations, Dictionary<string, string> written, Preferences preferences, PropertyDirectory directory, CancellationToken cancellationToken)
    {
        var ids = operations.Where(o => o is CreateOperation { Unsubscribed: true } or UpdateOperation { Unsubscribe: true } && written.ContainsKey(o.OperationId))
            .Select(o => written[o.OperationId]).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var contact in (await CurrentAsync(ids, directory, cancellationToken).ConfigureAwait(false)).Values)
        {
            if (Json.Text(contact["properties"] as JsonObject, "email") is { } email)
            {
                await preferences.UnsubscribeAsync(email, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends one batch; a failure of the whole call becomes each of its writes' result (or is thrown when it is the account's).</summary>
    private async Task<JsonObject?> SendAsync(IEnumerable<string> operationIds, string path, JsonObject body, Dictionary<string, WriteResult> results, CancellationToken cancellationToken)
    {
        try
        {
            return await client.PostAsync(path, body, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (WriteFailures.Classify(ex, Gone, Stale) is { } failure)
        {
            foreach (var id in operationIds)
            {
                results[id] = WriteResult.Failed(id, failure.Kind, failure.Reason);
            }

            return null;
        }
    }

    private async Task<Dictionary<string, JsonObject>> CurrentAsync(IReadOnlyList<string> ids, PropertyDirectory directory, CancellationToken cancellationToken)
    {
        var contacts = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(ContactBatches.Size))
        {
            foreach (var contact in await ContactBatches.ReadAsync(client, chunk, directory, cancellationToken).ConfigureAwait(false))
            {
                contacts[ContactReader.Id(contact)] = contact;
            }
        }

        return contacts;
    }

    private async Task<Dictionary<string, ContactRecord>> ReadBackAsync(IReadOnlyList<string> ids, PropertyDirectory directory, ListDirectory lists, CancellationToken cancellationToken)
    {
        var contacts = await CurrentAsync(ids, directory, cancellationToken).ConfigureAwait(false);
        var tags = await lists.TagsOfAsync([.. contacts.Keys], cancellationToken).ConfigureAwait(false);
        return contacts.ToDictionary(c => c.Key, c => reader.Read(c.Value, directory, tags[c.Key]), StringComparer.Ordinal);
    }

    /// <summary>A create sends only the properties that hold a value (an empty one would clear nothing).</summary>
    private static JsonObject Filled(JsonObject properties) =>
        new([.. properties.Where(p => Json.Text(p.Value) is not null).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))]);

    private static JsonObject Merge(IEnumerable<JsonObject> properties)
    {
        var merged = new JsonObject();
        foreach (var (name, value) in properties.SelectMany(p => p))
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    /// <summary>The id in HubSpot's duplicate-email refusal ("Contact already exists. Existing ID: 1234").</summary>
    private static string? ExistingId(string message) => ExistingIdPattern().Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"Existing ID: (\d+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExistingIdPattern();
}
