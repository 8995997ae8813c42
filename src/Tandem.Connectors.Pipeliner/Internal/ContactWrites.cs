using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// A batch of writes as one <c>batch-modify</c> call with <c>rollback-method=1</c>, so one contact's refusal (a 422 with
/// <c>field_errors</c>) fails that contact alone, with the refused field named by its label. Updates are checked against
/// the contacts as they are now (their <c>revision</c>): a contact changed since Tandem read it is a stale write, never
/// overwritten.
/// </summary>
internal sealed class ContactWrites
{
    private const string NotFound = "The contact no longer exists in Pipeliner.";
    private const string Stale = "The contact changed in Pipeliner since it was read.";

    private readonly PipelinerClient client;
    private readonly ContactReader reader;
    private readonly ILogger logger;

    public ContactWrites(PipelinerClient client, ContactReader reader, ILogger logger)
    {
        this.client = client;
        this.reader = reader;
        this.logger = logger;
    }

    public async Task<IReadOnlyList<WriteResult>> ApplyAsync(IReadOnlyList<WriteOperation> operations, SpaceDirectory directory, AccountScope scope, IReadOnlyDictionary<string, JsonObject> current, AppSchema schema, CancellationToken cancellationToken)
    {
        var writer = new ContactWriter(directory);
        var results = new WriteResult?[operations.Count];
        var pending = new List<(int Index, JsonObject Body)>();
        for (var i = 0; i < operations.Count; i++)
        {
            var (body, done) = operations[i] switch
            {
                CreateOperation create => Create(create, writer, scope),
                UpdateOperation update => Update(update, writer, current, directory),
                _ => (null, WriteResult.Failed(operations[i].OperationId, WriteFailureKind.Rejected, "Tandem never deletes Pipeliner contacts.")),
            };
            if (done is not null)
            {
                results[i] = done;
            }
            else
            {
                pending.Add((i, body!));
            }
        }

        await SendAsync(operations, pending, results, directory, schema, cancellationToken).ConfigureAwait(false);
        return [.. results.Select((r, i) => r ?? WriteResult.Failed(operations[i].OperationId, WriteFailureKind.Unknown, "Pipeliner did not answer for this contact."))];
    }

    private static (JsonObject? Body, WriteResult? Done) Create(CreateOperation create, ContactWriter writer, AccountScope scope)
    {
        var body = new JsonObject { ["owner_id"] = scope.OwnerId };
        if (scope.UnitId is { } unit)
        {
            body["unit_id"] = unit;
        }

        foreach (var (key, value) in create.Fields)
        {
            if (writer.Set(body, key, value) is { } refusal)
            {
                return (null, WriteResult.Failed(create.OperationId, WriteFailureKind.Rejected, refusal));
            }
        }

        FillLastName(body, create);
        if (create.Tags.Count > 0)
        {
            body["tags"] = new JsonArray([.. create.Tags.Select(t => (JsonNode)t)]);
        }

        if (create.Unsubscribed)
        {
            body["is_unsubscribed"] = true;
        }

        return (body, null);
    }

    private (JsonObject? Body, WriteResult? Done) Update(UpdateOperation update, ContactWriter writer, IReadOnlyDictionary<string, JsonObject> current, SpaceDirectory directory)
    {
        if (!current.TryGetValue(update.RecordId, out var now))
        {
            return (null, WriteResult.Failed(update.OperationId, WriteFailureKind.NotFound, NotFound));
        }

        if (update.ExpectedVersion is { } expected && expected != ContactReader.Version(now))
        {
            return (null, WriteResult.Failed(update.OperationId, WriteFailureKind.StaleVersion, Stale));
        }

        var body = new JsonObject { ["id"] = update.RecordId };
        foreach (var change in update.Changes)
        {
            if (writer.Set(body, change.Key, change.Value) is { } refusal)
            {
                return (null, WriteResult.Failed(update.OperationId, WriteFailureKind.Rejected, refusal));
            }
        }

        if (ContactWriter.Tags((now["tags"] as JsonArray ?? []).Select(JsonFields.Text).OfType<string>(), update) is { } tags)
        {
            body["tags"] = tags;
        }

        if (update.Unsubscribe)
        {
            body["is_unsubscribed"] = true;
        }

        // Nothing Pipeliner holds changes: no call, the contact as it is.
        return body.Count == 1 ? (null, WriteResult.Success(update.OperationId, reader.Read(now, directory))) : (body, null);
    }

    /// <summary>
    /// Pipeliner requires a last name. A contact without one gets it by the name rules: the last word of a full name,
    /// else the first name moved there, else the email's local part, else "Unknown"; a create is never refused for it.
    /// </summary>
    private static void FillLastName(JsonObject body, CreateOperation create)
    {
        if (ContactWriter.LastName(body) is not null)
        {
            return;
        }

        var full = (create.Fields.GetValueOrDefault(StandardFieldKeys.FullName) as ScalarValue)?.Text.Trim();
        if (full is { Length: > 0 })
        {
            var space = full.LastIndexOf(' ');
            body["last_name"] = space < 0 ? full : full[(space + 1)..];
            if (space > 0 && JsonFields.Text(body, "first_name") is null)
            {
                body["first_name"] = full[..space].Trim();
            }

            return;
        }

        if (JsonFields.Text(body, "first_name") is { } first)
        {
            body["last_name"] = first;
            body["first_name"] = string.Empty;
            return;
        }

        var email = JsonFields.Text(body, "email1");
        body["last_name"] = email is not null && email.IndexOf('@', StringComparison.Ordinal) > 0 ? email[..email.IndexOf('@', StringComparison.Ordinal)] : "Unknown";
    }

    /// <summary>
    /// Sends the pending objects in one call. Should Pipeliner still refuse the whole call with a 422 naming one object
    /// (<c>entity_index</c>), that object fails alone and the others are sent again.
    /// </summary>
    private async Task SendAsync(IReadOnlyList<WriteOperation> operations, List<(int Index, JsonObject Body)> pending, WriteResult?[] results, SpaceDirectory directory, AppSchema schema, CancellationToken cancellationToken)
    {
        while (pending.Count > 0)
        {
            JsonObject answer;
            try
            {
                var repeatable = pending.All(p => p.Body.ContainsKey("id"));
                answer = await client.BatchModifyAsync("Contacts", new JsonArray([.. pending.Select(p => (JsonNode)p.Body.DeepClone())]), repeatable, cancellationToken).ConfigureAwait(false);
            }
            catch (PipelinerApiException ex) when (ex.Status == 422 && ex.EntityIndex is { } index && index >= 0 && index < pending.Count && pending.Count > 1)
            {
                PipelinerLog.BatchItemRefused(logger, index, pending.Count, ex.Name);
                results[pending[index].Index] = Refused(operations[pending[index].Index].OperationId, ex, schema, directory);
                pending.RemoveAt(index);
                continue;
            }
            catch (ConnectorException ex) when (WriteFailures.Classify(ex, NotFound, Stale) is { } failure)
            {
                foreach (var (index, _) in pending)
                {
                    results[index] = ex is PipelinerApiException api && failure.Kind == WriteFailureKind.Rejected
                        ? Refused(operations[index].OperationId, api, schema, directory)
                        : WriteResult.Failed(operations[index].OperationId, failure.Kind, failure.Reason);
                }

                return;
            }

            var data = answer["data"] as JsonArray ?? [];
            for (var i = 0; i < pending.Count; i++)
            {
                var operationId = operations[pending[i].Index].OperationId;
                var item = Item(data, i);
                results[pending[i].Index] = item switch
                {
                    null => null,
                    _ when item["success"] is JsonValue ok && ok.TryGetValue<bool>(out var succeeded) && !succeeded => Failed(operationId, PipelinerApiException.From(422, item), schema, directory),
                    _ when JsonFields.Text(item, "id") is null => null,
                    _ => WriteResult.Success(operationId, reader.Read(item, directory)),
                };
            }

            return;
        }
    }

    /// <summary>The answer for the i-th object: the error that names it by <c>entity_index</c>, else the i-th entry.</summary>
    private static JsonObject? Item(JsonArray data, int i) =>
        data.OfType<JsonObject>().FirstOrDefault(d => JsonFields.Int(d, "entity_index") == i) ?? (i < data.Count ? data[i] as JsonObject : null);

    private static WriteResult Failed(string operationId, PipelinerApiException error, AppSchema schema, SpaceDirectory directory) =>
        error.Status == 404 || error.Name == "ERROR_ENTITY_NOT_FOUND"
            ? WriteResult.Failed(operationId, WriteFailureKind.NotFound, NotFound)
            : Refused(operationId, error, schema, directory);

    /// <summary>Pipeliner's refusal in words: each refused field by its label, with Pipeliner's message.</summary>
    private static WriteResult Refused(string operationId, PipelinerApiException error, AppSchema schema, SpaceDirectory directory)
    {
        var reason = error.FieldErrors.Count > 0
            ? "Pipeliner refused " + string.Join("; ", error.FieldErrors.Select(e => $"{Label(e.Field, schema, directory)}: {e.Message}"))
            : "Pipeliner refused the contact: " + (error.AppReason.Length > 0 ? error.AppReason : error.Message);
        return WriteResult.Failed(operationId, WriteFailureKind.Rejected, reason);
    }

    private static string Label(string apiName, AppSchema schema, SpaceDirectory directory) => apiName switch
    {
        "first_name" => "First name",
        "middle_name" => "Middle name",
        "last_name" => "Last name",
        "title" => "Title (salutation)",
        "position" => "Position",
        "comments" => "Comments",
        "quick_account_name" => "Account name",
        "owner_id" => "Owner",
        "unit_id" => "Sales unit",
        "tags" => "Tags",
        _ when apiName.StartsWith("email", StringComparison.Ordinal) => "Email " + apiName[5..],
        _ when apiName.StartsWith("phone", StringComparison.Ordinal) => "Phone " + apiName[5..],
        "address" or "city" or "state_province" or "zip_code" or "country" => "Address",
        _ => directory.Find(apiName)?.Name ?? schema.Fields.FirstOrDefault(f => f.Key == apiName)?.Label ?? apiName,
    };
}
