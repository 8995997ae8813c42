using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Wooxy.Internal;

/// <summary>
/// One batch of writes to a list: creates in one <c>contacts/add</c>, updates in one <c>contacts/update</c>, deletions
/// in one <c>contacts/remove</c>, then their per-contact results from <c>request/find</c>. A create of a contact the list
/// already holds becomes an update of it (Wooxy refuses the add): the list never holds it twice. A contact with a phone
/// number is added subscribed to SMS and Viber (the seed's rule); an update never changes a channel flag, so nobody is
/// re-subscribed. A request still pending when the waiting ends is unknown, named so a later run can ask about it.
/// </summary>
internal sealed class ContactWrites(WooxyClient client, RequestSettlement settlement, string listId, AppSchema schema, string? defaultRegion)
{
    private const string StillPending = "Wooxy has not processed this contact yet; its result is checked on the next run.";

    private sealed record Planned(int Index, WriteOperation Operation, JsonObject Body, ContactIds Ids, string RecordId, ContactRecord? Record, string? ReadBackId = null);

    public async Task<IReadOnlyList<WriteResult>> ApplyAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        var results = new WriteResult?[operations.Count];
        var creates = new List<Planned>();
        var updates = new List<Planned>();
        var removals = new List<Planned>();
        for (var i = 0; i < operations.Count; i++)
        {
            switch (Plan(i, operations[i], out var refusal))
            {
                case null:
                    results[i] = refusal;
                    break;
                case { Operation: CreateOperation } planned:
                    creates.Add(planned);
                    break;
                case { Operation: UpdateOperation } planned:
                    updates.Add(planned);
                    break;
                case var planned:
                    removals.Add(planned);
                    break;
            }
        }

        var existing = await RoundAsync([("contacts/add", creates), ("contacts/update", updates), ("contacts/remove", removals)], results, cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0)
        {
            // Already in the list: the create updates it instead, with the same values and no channel flag.
            var followUps = existing.Select(p => p with { Body = AsUpdate(p.Body, p.Ids) }).ToList();
            await RoundAsync([("contacts/update", followUps)], results, cancellationToken).ConfigureAwait(false);
        }

        return [.. results.Select((r, i) => r ?? WriteResult.Failed(operations[i].OperationId, WriteFailureKind.Unknown, StillPending))];
    }

    /// <summary>Sends each non-empty group as one request, waits for them, fills the results; returns the creates Wooxy refused as already there.</summary>
    private async Task<List<Planned>> RoundAsync(IReadOnlyList<(string Method, List<Planned> Items)> groups, WriteResult?[] results, CancellationToken cancellationToken)
    {
        var sent = new List<(string RequestId, string Method, List<Planned> Items)>();
        foreach (var (method, items) in groups.Where(g => g.Items.Count > 0))
        {
            try
            {
                var answer = await client.SubmitAsync(method, RequestBody(method, items), cancellationToken).ConfigureAwait(false);
                sent.Add((JsonFields.Text(answer, "requestId") ?? throw new ConnectorException("Wooxy accepted a request without naming it."), method, items));
            }
            catch (ConnectorException error) when (WriteFailures.Classify(error, "The contact is no longer in the Wooxy list.", "The contact changed in Wooxy.") is { } failure)
            {
                items.ForEach(p => results[p.Index] = WriteResult.Failed(p.Operation.OperationId, failure.Kind, failure.Reason));
            }
        }

        var settled = sent.Count == 0 ? [] : await settlement.SettleAsync([.. sent.Select(s => s.RequestId)], cancellationToken).ConfigureAwait(false);
        var existing = new List<Planned>();
        foreach (var (requestId, method, items) in sent)
        {
            if (!settled.TryGetValue(requestId, out var outcome))
            {
                items.ForEach(p => results[p.Index] = WriteResult.Pending(p.Operation.OperationId, PendingReference.For(requestId, p.RecordId), StillPending));
                continue;
            }

            foreach (var planned in items)
            {
                var error = outcome.Errors.FirstOrDefault(e => planned.Ids.Matches(e.Contact));
                if (error.Code == "CONTACT_ALREADY_EXISTS" && method == "contacts/add")
                {
                    existing.Add(planned);
                }
                else if (error.Code is not null)
                {
                    var kind = error.Code == "CONTACT_NOT_FOUND" ? WriteFailureKind.NotFound : WriteFailureKind.Rejected;
                    results[planned.Index] = WriteResult.Failed(planned.Operation.OperationId, kind, error.Reason);
                }
                else if (outcome.Success.Any(planned.Ids.Matches))
                {
                    var record = planned.ReadBackId is { } renamed ? await ReadAsync(renamed, cancellationToken).ConfigureAwait(false) : planned.Record;
                    results[planned.Index] = WriteResult.Success(planned.Operation.OperationId, record);
                }
                else
                {
                    results[planned.Index] = WriteResult.Failed(planned.Operation.OperationId, WriteFailureKind.Rejected, "Wooxy processed the request but gave no result for this contact.");
                }
            }
        }

        return existing;
    }

    private Planned? Plan(int index, WriteOperation operation, out WriteResult? refusal)
    {
        refusal = null;
        var body = new JsonObject();
        switch (operation)
        {
            case CreateOperation create:
                if (ContactBody.Write(body, create.Fields.Select(f => KeyValuePair.Create(f.Key, (FieldValue?)f.Value)), schema) is { } problem)
                {
                    refusal = WriteResult.Failed(create.OperationId, WriteFailureKind.Rejected, problem);
                    return null;
                }

                var ids = ContactBody.IdsOf(body);
                if (ids.RecordId is not { } id)
                {
                    refusal = WriteResult.Failed(create.OperationId, WriteFailureKind.Rejected, "Wooxy needs a user ID, an email or a phone number to add a contact.");
                    return null;
                }

                if (ids.Phone is not null)
                {
                    body["smsSubscribe"] = true;
                    body["viberSubscribe"] = true;
                }

                return new Planned(index, create, body, ids, id, Record(id, create.Fields));
            case UpdateOperation update:
                var current = ContactIds.FromRecordId(update.RecordId);
                var identifier = ContactIds.Parse(update.RecordId)?.Identifier;
                if (ContactBody.Write(body, update.Changes.Select(c => KeyValuePair.Create(c.Key, c.Value)), schema) is { } refused)
                {
                    refusal = WriteResult.Failed(update.OperationId, WriteFailureKind.Rejected, refused);
                    return null;
                }

                body["contact"] = identifier;
                var after = ContactBody.IdsOf(body);
                var matching = new ContactIds(after.Email ?? current.Email, after.Phone ?? current.Phone, after.UserId ?? current.UserId);

                // An update that changes the identifier the record is known by gives the record its new id.
                var renamed = update.Changes.Any(c => c.Key is StandardFieldKeys.Emails or StandardFieldKeys.Phones or WooxySchema.UserId);
                return new Planned(index, update, body, matching, update.RecordId, null, renamed ? matching.RecordId : null);
            case DeleteOperation delete:
                return new Planned(index, delete, body, ContactIds.FromRecordId(delete.RecordId), delete.RecordId, null);
            default:
                refusal = WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, "Wooxy cannot apply this kind of write.");
                return null;
        }
    }

    private JsonObject RequestBody(string method, List<Planned> items)
    {
        var body = new JsonObject { ["contactListId"] = listId };
        if (method == "contacts/remove")
        {
            body["emails"] = new JsonArray([.. items.Select(p => p.Ids.Email).OfType<string>().Select(e => (JsonNode)e)]);
            body["phoneNumbers"] = new JsonArray([.. items.Select(p => p.Ids.Phone).OfType<string>().Select(e => (JsonNode)e)]);
            body["userIds"] = new JsonArray([.. items.Select(p => p.Ids.UserId).OfType<string>().Select(e => (JsonNode)e)]);
            return body;
        }

        body["contacts"] = new JsonArray([.. items.Select(p => (JsonNode)p.Body.DeepClone())]);
        return body;
    }

    /// <summary>The contact as Wooxy holds it now, by its record id; null when it is not in the list.</summary>
    public async Task<ContactRecord?> ReadAsync(string recordId, CancellationToken cancellationToken)
    {
        if (ContactIds.Parse(recordId) is not var (property, identifier))
        {
            return null;
        }

        try
        {
            var answer = await client.GetContactAsync(listId, property, identifier, cancellationToken).ConfigureAwait(false);
            return answer["contact"] is JsonObject contact ? ContactReader.Read(contact, schema, defaultRegion) : null;
        }
        catch (ApiErrorException error) when (error.Status == 404 || error.AppReason.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    private static JsonObject AsUpdate(JsonObject create, ContactIds ids)
    {
        var update = (JsonObject)create.DeepClone();
        update.Remove("smsSubscribe");
        update.Remove("viberSubscribe");
        update["contact"] = ids.Email ?? ids.Phone ?? ids.UserId;
        return update;
    }

    /// <summary>The record as Wooxy now holds what Tandem wrote: the fields it keeps, one email and one phone.</summary>
    private ContactRecord Record(string id, ImmutableDictionary<string, FieldValue> fields)
    {
        var kept = fields.Where(f => schema.Find(f.Key) is not null)
            .Select(f => KeyValuePair.Create(f.Key, f.Value is ListValue list ? list.Primary : f.Value));
        return new ContactRecord(id, ImmutableDictionary.CreateRange(StringComparer.Ordinal, kept));
    }
}
