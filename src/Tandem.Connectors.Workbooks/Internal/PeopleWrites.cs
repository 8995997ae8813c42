using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// One batch of at most 100 writes as one square-array request (client library README, "Changing Objects"): creates with
/// id 0 and lock_version 0 and Tandem's reference in <c>created_through_reference</c>, updates with the lock_version
/// they were read at, the working set selected by <c>id</c> filters, and <c>_per_object_transactions</c> so one
/// person Workbooks refuses (<c>success:false</c> in its <c>affected_object_information</c>) fails alone, with
/// Workbooks' own message. "Already been updated elsewhere" is a stale version. Updated people are read back in one call
/// (Workbooks answers only the columns that changed); created ones come whole in the answer.
/// </summary>
internal sealed class PeopleWrites
{
    public const int MaxObjects = 100;
    private const string Path = "crm/people.api";
    private const string NotFound = "The person no longer exists in Workbooks.";
    private const string Stale = "The person changed in Workbooks since it was read.";
    private const string EmployerName = "employer_name";
    private const string EmployerLink = "employer_link";

    private readonly WorkbooksClient client;
    private readonly PersonReader reader;
    private readonly EmployerLinks employers;

    public PeopleWrites(WorkbooksClient client, PersonReader reader)
    {
        this.client = client;
        this.reader = reader;
        employers = new EmployerLinks(client);
    }

    public async Task<IReadOnlyList<WriteResult>> ApplyAsync(IReadOnlyList<WriteOperation> operations, PeopleSchema schema, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, WriteResult>(StringComparer.Ordinal);
        foreach (var delete in operations.OfType<DeleteOperation>())
        {
            results[delete.OperationId] = WriteResult.Failed(delete.OperationId, WriteFailureKind.Rejected, "Tandem never deletes Workbooks people.");
        }

        var updates = operations.OfType<UpdateOperation>().ToList();
        var current = await CurrentAsync(updates.Where(u => u.ExpectedVersion is null || u.AddTags.Count > 0 || u.RemoveTags.Count > 0 || u.IsEmpty), schema, cancellationToken).ConfigureAwait(false);
        var employerIds = schema.LinksEmployer
            ? await employers.IdsAsync(operations.SelectMany(EmployerNames), cancellationToken).ConfigureAwait(false)
            : new Dictionary<string, string>();
        var rows = new List<Row>();
        foreach (var operation in operations)
        {
            try
            {
                if (ToRow(operation, schema, current, results) is { } row)
                {
                    if (schema.LinksEmployer)
                    {
                        LinkEmployer(row.Columns, employerIds);
                    }

                    rows.Add(row);
                }
            }
            catch (ValueRefusedException ex)
            {
                results[operation.OperationId] = WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, ex.Message);
            }
        }

        if (rows.Count > 0)
        {
            await SendAsync(rows, schema, results, cancellationToken).ConfigureAwait(false);
        }

        return [.. operations.Select(o => results[o.OperationId])];
    }

    /// <summary>The employer names a write sets (the organisation field), to be linked by organisation id.</summary>
    private static IEnumerable<string> EmployerNames(WriteOperation operation) =>
        (operation switch
        {
            CreateOperation create => create.Fields.Where(f => f.Key == StandardFieldKeys.Org).Select(f => f.Value),
            UpdateOperation update => update.Changes.Where(c => c.Key == StandardFieldKeys.Org).Select(c => c.Value),
            _ => [],
        }).OfType<ScalarValue>().Select(v => v.Text);

    /// <summary>The employer as Workbooks links it: the organisation's id in <c>employer_link</c>, which also sets the name shown.</summary>
    private static void LinkEmployer(Dictionary<string, string> columns, IReadOnlyDictionary<string, string> employerIds)
    {
        if (!columns.TryGetValue(EmployerName, out var name))
        {
            return;
        }

        if (name == PersonWriter.NullValue)
        {
            columns.Remove(EmployerName);
            columns[EmployerLink] = PersonWriter.NullValue;
        }
        else if (employerIds.TryGetValue(name.Trim(), out var id))
        {
            columns.Remove(EmployerName);
            columns[EmployerLink] = id;
        }
    }

    private Row? ToRow(WriteOperation operation, PeopleSchema schema, Dictionary<string, ContactRecord> current, Dictionary<string, WriteResult> results)
    {
        switch (operation)
        {
            case CreateOperation create:
                var columns = PersonWriter.Columns(create.Fields.Select(f => new Domain.Mapping.FieldChange(f.Key, f.Value)), schema);
                if (schema.TagsColumn is { } tagsColumn && create.Tags.Count > 0)
                {
                    columns[tagsColumn] = PersonWriter.Tags(create.Tags);
                }

                columns["created_through_reference"] = create.ClientReference;
                return new Row(create.OperationId, "POST", "0", "0", columns);
            case UpdateOperation update:
                current.TryGetValue(update.RecordId, out var record);
                if (record is null && (update.ExpectedVersion is null || update.AddTags.Count > 0 || update.RemoveTags.Count > 0 || update.IsEmpty))
                {
                    results[update.OperationId] = WriteResult.Failed(update.OperationId, WriteFailureKind.NotFound, NotFound);
                    return null;
                }

                var changes = PersonWriter.Columns(update.Changes, schema);
                if (schema.TagsColumn is { } column && record is not null && (update.AddTags.Count > 0 || update.RemoveTags.Count > 0))
                {
                    var tags = record.Tags.Except(update.RemoveTags).Union(update.AddTags).ToList();
                    if (!tags.Order(StringComparer.Ordinal).SequenceEqual(record.Tags))
                    {
                        changes[column] = PersonWriter.Tags(tags.Order(StringComparer.Ordinal));
                    }
                }

                if (changes.Count == 0)
                {
                    results[update.OperationId] = WriteResult.Success(update.OperationId, record);
                    return null;
                }

                return new Row(update.OperationId, "PUT", update.RecordId, update.ExpectedVersion ?? record!.Version ?? "0", changes);
            default:
                return null;
        }
    }

    private async Task SendAsync(List<Row> rows, PeopleSchema schema, Dictionary<string, WriteResult> results, CancellationToken cancellationToken)
    {
        var form = new WorkbooksForm().Add("_per_object_transactions", "true").Add("_fm", "or");
        foreach (var id in rows.Select(r => r.Id).Distinct(StringComparer.Ordinal))
        {
            form.Filter("id", "eq", id);
        }

        // A square array: every object sends every column, :no_value: where it leaves one unchanged.
        var columns = rows.SelectMany(r => r.Columns.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var row in rows)
        {
            form.Add("__method[]", row.Method).Add("id[]", row.Id).Add("lock_version[]", row.LockVersion);
            foreach (var column in columns)
            {
                form.Add(column + "[]", row.Columns.GetValueOrDefault(column, PersonWriter.NoValue));
            }
        }

        JsonObject answer;
        try
        {
            answer = await client.WriteAsync(Path, form, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (WriteFailures.Classify(ex, NotFound, Stale) is { } failure)
        {
            rows.ForEach(r => results[r.OperationId] = WriteResult.Failed(r.OperationId, failure.Kind, failure.Reason));
            return;
        }

        var information = answer["affected_object_information"] as JsonArray ?? [];
        var affected = answer["affected_objects"] as JsonArray ?? [];
        var updated = new List<Row>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var info = i < information.Count ? information[i] as JsonObject : null;
            if (info is null)
            {
                results[row.OperationId] = WriteResult.Failed(row.OperationId, WriteFailureKind.Unknown, "Workbooks did not report what became of this person.");
            }
            else if (info["success"] is JsonValue ok && ok.TryGetValue<bool>(out var success) && success)
            {
                if (row.Method == "POST" && i < affected.Count && affected[i] is JsonObject created)
                {
                    results[row.OperationId] = WriteResult.Success(row.OperationId, reader.Read(created, schema));
                }
                else
                {
                    updated.Add(row);
                }
            }
            else
            {
                results[row.OperationId] = Refused(row.OperationId, info);
            }
        }

        if (updated.Count > 0)
        {
            var now = await ReadAsync(updated.Select(r => r.Id), schema, cancellationToken).ConfigureAwait(false);
            foreach (var row in updated)
            {
                results[row.OperationId] = now.TryGetValue(row.Id, out var record)
                    ? WriteResult.Success(row.OperationId, record)
                    : WriteResult.Failed(row.OperationId, WriteFailureKind.Unknown, "Workbooks saved the person but no longer lists it.");
            }
        }
    }

    /// <summary>A person Workbooks refused, with its own words: the messages of <c>errors</c>, field by field.</summary>
    private static WriteResult Refused(string operationId, JsonObject info)
    {
        var messages = (info["errors"] as JsonObject ?? [])
            .SelectMany(e => e.Value is JsonArray list ? list.Select(JsonFields.Text) : [JsonFields.Text(e.Value)])
            .OfType<string>()
            .ToList();
        var reason = messages.Count > 0 ? string.Join(" ", messages) : "Workbooks refused the person without saying why.";
        var kind = messages.Any(m => m.Contains("already been updated elsewhere", StringComparison.OrdinalIgnoreCase)) ? WriteFailureKind.StaleVersion
            : messages.Any(m => m.Contains("could not be found", StringComparison.OrdinalIgnoreCase)) ? WriteFailureKind.NotFound
            : WriteFailureKind.Rejected;
        return WriteResult.Failed(operationId, kind, kind switch
        {
            WriteFailureKind.StaleVersion => Stale,
            WriteFailureKind.NotFound => NotFound,
            _ => reason,
        });
    }

    private async Task<Dictionary<string, ContactRecord>> CurrentAsync(IEnumerable<UpdateOperation> updates, PeopleSchema schema, CancellationToken cancellationToken)
    {
        var ids = updates.Select(u => u.RecordId).Where(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0 ? new Dictionary<string, ContactRecord>(StringComparer.Ordinal) : await ReadAsync(ids, schema, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, ContactRecord>> ReadAsync(IEnumerable<string> ids, PeopleSchema schema, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, ContactRecord>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(MaxObjects))
        {
            var form = new WorkbooksForm().Filter("id", "eq", WorkbooksForm.AnyOf(chunk)).Page(0, MaxObjects);
            foreach (var row in (await client.ReadAsync(Path, form, cancellationToken).ConfigureAwait(false)).OfType<JsonObject>())
            {
                var record = reader.Read(row, schema);
                records[record.Id] = record;
            }
        }

        return records;
    }

    private sealed record Row(string OperationId, string Method, string Id, string LockVersion, Dictionary<string, string> Columns);
}
