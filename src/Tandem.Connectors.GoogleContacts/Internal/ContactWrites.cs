using Tandem.Domain.Fields;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>
/// One WriteAsync batch: creates go in one batchCreateContacts call, updates in one batchUpdateContacts call
/// (after one batchGet read for the current persons and etags), sent one after the other as Google asks.
/// Google fails a whole batch for one bad contact; then each is written alone, so one failure stays one failure.
/// </summary>
internal sealed class ContactWrites
{
    private readonly PeopleClient client;
    private readonly PersonReader reader;
    private readonly ILogger logger;

    public ContactWrites(PeopleClient client, PersonReader reader, ILogger logger)
    {
        this.client = client;
        this.reader = reader;
        this.logger = logger;
    }

    public async Task<IReadOnlyList<WriteResult>> ApplyAsync(IReadOnlyList<WriteOperation> operations, GroupDirectory groups, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, WriteResult>(StringComparer.Ordinal);
        var tags = operations.OfType<CreateOperation>().SelectMany(c => c.Tags).Concat(operations.OfType<UpdateOperation>().SelectMany(u => u.AddTags));
        await groups.EnsureAsync(tags, client, logger, cancellationToken).ConfigureAwait(false);
        var creates = operations.OfType<CreateOperation>().ToList();
        if (creates.Count > 0)
        {
            await CreateAsync(creates, groups, results, cancellationToken).ConfigureAwait(false);
        }

        var updates = operations.OfType<UpdateOperation>().ToList();
        if (updates.Count > 0)
        {
            await new ContactUpdates(client, reader, logger).ApplyAsync(updates, groups, results, cancellationToken).ConfigureAwait(false);
        }

        await new ContactPhotos(client, reader, logger).ApplyAsync(operations, groups, results, cancellationToken).ConfigureAwait(false);
        foreach (var delete in operations.OfType<DeleteOperation>())
        {
            results[delete.OperationId] = WriteResult.Failed(delete.OperationId, WriteFailureKind.Rejected, "Tandem never deletes Google contacts.");
        }

        return operations.Select(o => results[o.OperationId]).ToList();
    }

    private async Task CreateAsync(List<CreateOperation> creates, GroupDirectory groups, Dictionary<string, WriteResult> results, CancellationToken cancellationToken)
    {
        var persons = creates.Select(c => NewPerson(c, groups)).ToList();
        try
        {
            var response = await client.BatchCreateAsync(persons.Select(p => (JsonObject)p.DeepClone()), cancellationToken).ConfigureAwait(false);
            var created = PersonReader.Items(response, "createdPeople").ToList();
            await reader.Photos.LoadAsync(created.Select(c => c["person"]).OfType<JsonObject>(), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < creates.Count; i++)
            {
                results[creates[i].OperationId] = i < created.Count && created[i]["person"] is JsonObject person
                    ? WriteResult.Success(creates[i].OperationId, reader.Read(person, groups))
                    : WriteResult.Failed(creates[i].OperationId, WriteFailureKind.Unknown, "Google did not report this contact as created.");
            }
        }
        catch (OutcomeUnknownException ex)
        {
            creates.ForEach(c => results[c.OperationId] = WriteResult.Failed(c.OperationId, WriteFailureKind.Unknown, ex.Message));
        }
        catch (PeopleApiException ex) when (ex.Code == 400)
        {
            GoogleContactsLog.BatchRefused(logger, creates.Count, "create", ex.GoogleStatus);
            for (var i = 0; i < creates.Count; i++)
            {
                results[creates[i].OperationId] = await CreateOneAsync(creates[i].OperationId, persons[i], groups, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<WriteResult> CreateOneAsync(string operationId, JsonObject person, GroupDirectory groups, CancellationToken cancellationToken)
    {
        try
        {
            var created = await client.CreateAsync(person, cancellationToken).ConfigureAwait(false);
            return WriteResult.Success(operationId, (await reader.ReadAsync([created], groups, cancellationToken).ConfigureAwait(false))[0]);
        }
        catch (OutcomeUnknownException ex)
        {
            return WriteResult.Failed(operationId, WriteFailureKind.Unknown, ex.Message);
        }
        catch (PeopleApiException ex) when (ex.Code == 400)
        {
            return WriteResult.Failed(operationId, WriteFailureKind.Rejected, ex.GoogleMessage);
        }
    }

    private static JsonObject NewPerson(CreateOperation create, GroupDirectory groups)
    {
        var fields = new JsonObject { ["memberships"] = new JsonArray(GroupDirectory.Membership(GroupDirectory.MyContacts)) };
        PersonWriter.Apply(fields, create.Fields.Select(f => new Domain.Mapping.FieldChange(f.Key, f.Value)), create.Tags, [], groups);
        fields["clientData"] = new JsonArray(new JsonObject { ["key"] = GoogleFieldKeys.ClientReferenceKey, ["value"] = create.ClientReference });
        foreach (var empty in fields.Where(p => p.Value is JsonArray { Count: 0 }).Select(p => p.Key).ToList())
        {
            fields.Remove(empty);
        }

        return fields;
    }
}
