using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>
/// Updates: the current persons are read (one batchGet per 200), each operation's changes are written into
/// its person, and all of them go out in one batchUpdateContacts with their etags, so a contact changed in
/// Google meanwhile fails as <see cref="WriteFailureKind.StaleVersion"/> instead of being overwritten.
/// </summary>
internal sealed class ContactUpdates
{
    private const int MaxBatch = 200;

    private static readonly string[] WritableFields =
        ["names", "emailAddresses", "phoneNumbers", "addresses", "urls", "organizations", "birthdays", "biographies", "userDefined", "memberships", "clientData",
            "nicknames", "events", "relations", "imClients", "genders"];

    private readonly PeopleClient client;
    private readonly PersonReader reader;
    private readonly ILogger logger;

    public ContactUpdates(PeopleClient client, PersonReader reader, ILogger logger)
    {
        this.client = client;
        this.reader = reader;
        this.logger = logger;
    }

    public async Task ApplyAsync(List<UpdateOperation> updates, GroupDirectory groups, Dictionary<string, WriteResult> results, CancellationToken cancellationToken)
    {
        var current = await ReadCurrentAsync(updates.Select(u => u.RecordId).Distinct(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        await reader.Photos.LoadAsync(current.Values, cancellationToken).ConfigureAwait(false);
        var pending = new List<(UpdateOperation Operation, JsonObject Fields, HashSet<string> Mask, JsonObject Person)>();
        foreach (var update in updates)
        {
            if (!current.TryGetValue(update.RecordId, out var person))
            {
                results[update.OperationId] = WriteResult.Failed(update.OperationId, WriteFailureKind.NotFound, "The contact no longer exists in Google Contacts.");
                continue;
            }

            if (update.ExpectedVersion is { } expected && expected != person["etag"]?.GetValue<string>())
            {
                results[update.OperationId] = WriteResult.Failed(update.OperationId, WriteFailureKind.StaleVersion, "The contact changed in Google Contacts since it was read.");
                continue;
            }

            var fields = PersonWriter.Writable(person, WritableFields);
            var mask = PersonWriter.Apply(fields, update.Changes, update.AddTags, update.RemoveTags, groups);
            if (mask.Count == 0)
            {
                results[update.OperationId] = WriteResult.Success(update.OperationId, reader.Read(person, groups));
                continue;
            }

            pending.Add((update, fields, mask, person));
        }

        if (pending.Count == 0)
        {
            return;
        }

        var union = pending.SelectMany(p => p.Mask).ToHashSet(StringComparer.Ordinal);
        var contacts = new JsonObject();
        foreach (var (operation, fields, _, person) in pending)
        {
            contacts[operation.RecordId] = Body(person, fields, union);
        }

        try
        {
            var response = await client.BatchUpdateAsync(contacts, string.Join(',', union.Order(StringComparer.Ordinal)), cancellationToken).ConfigureAwait(false);
            var updated = response["updateResult"] as JsonObject ?? [];
            await reader.Photos.LoadAsync(updated.Select(u => u.Value?["person"]).OfType<JsonObject>(), cancellationToken).ConfigureAwait(false);
            foreach (var (operation, _, _, _) in pending)
            {
                results[operation.OperationId] = updated[operation.RecordId]?["person"] is JsonObject person
                    ? WriteResult.Success(operation.OperationId, reader.Read(person, groups))
                    : WriteResult.Failed(operation.OperationId, WriteFailureKind.Unknown, "Google did not report this contact as updated.");
            }
        }
        catch (OutcomeUnknownException ex)
        {
            pending.ForEach(p => results[p.Operation.OperationId] = WriteResult.Failed(p.Operation.OperationId, WriteFailureKind.Unknown, ex.Message));
        }
        catch (PeopleApiException ex) when (ex.Code is 400 or 404)
        {
            GoogleContactsLog.BatchRefused(logger, pending.Count, "update", ex.GoogleStatus);
            foreach (var (operation, fields, mask, person) in pending)
            {
                results[operation.OperationId] = await UpdateOneAsync(operation, Body(person, fields, mask), mask, groups, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static JsonObject Body(JsonObject person, JsonObject fields, HashSet<string> mask)
    {
        var body = new JsonObject
        {
            ["resourceName"] = person["resourceName"]?.DeepClone(),
            ["etag"] = person["etag"]?.DeepClone(),
        };
        var source = PersonReader.Items(person["metadata"] as JsonObject, "sources").FirstOrDefault(s => PersonReader.Text(s, "type") == "CONTACT");
        if (source is not null)
        {
            var copy = new JsonObject { ["type"] = "CONTACT", ["id"] = source["id"]?.DeepClone(), ["etag"] = source["etag"]?.DeepClone() };
            body["metadata"] = new JsonObject { ["sources"] = new JsonArray(copy) };
        }

        foreach (var name in mask)
        {
            if (fields[name] is JsonArray { Count: > 0 } items)
            {
                body[name] = items.DeepClone();
            }
        }

        return body;
    }

    private async Task<WriteResult> UpdateOneAsync(UpdateOperation operation, JsonObject body, HashSet<string> mask, GroupDirectory groups, CancellationToken cancellationToken)
    {
        try
        {
            var person = await client.UpdateAsync(operation.RecordId, body, string.Join(',', mask.Order(StringComparer.Ordinal)), cancellationToken).ConfigureAwait(false);
            return WriteResult.Success(operation.OperationId, (await reader.ReadAsync([person], groups, cancellationToken).ConfigureAwait(false))[0]);
        }
        catch (ConnectorException ex) when (WriteFailures.For(operation.OperationId, ex, "The contact no longer exists in Google Contacts.", "The contact changed in Google Contacts since it was read.") is { } failed)
        {
            return failed;
        }
    }

    private async Task<Dictionary<string, JsonObject>> ReadCurrentAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(MaxBatch))
        {
            var response = await client.BatchGetAsync(chunk, cancellationToken).ConfigureAwait(false);
            foreach (var entry in PersonReader.Items(response, "responses"))
            {
                if (entry["person"] is JsonObject person && !PersonReader.IsTombstone(person))
                {
                    current[PersonReader.ResourceName(person)] = person;
                }
            }
        }

        return current;
    }
}
