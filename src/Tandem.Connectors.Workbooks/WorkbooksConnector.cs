using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Workbooks.Internal;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Workbooks;

/// <summary>
/// One Workbooks database's people over the <c>.api</c> wire protocol: person ids as ids, <c>lock_version</c> as
/// version, <c>updated_at</c> deltas with a tie-safe cursor as the change feed, soft deletes (<c>is_deleted</c>) as
/// deletions, square-array writes of up to 100 people with per-object results, the custom fields of
/// <c>metadata/types.api</c>. See <c>README.md</c>.
/// </summary>
public sealed class WorkbooksConnector : IContactConnector, IFieldCreator, ISettingChoices
{
    /// <summary>
    /// Workbooks documents no retention for deleted records; a cursor not read for this long may have missed a purge,
    /// so it is expired and the engine lists again.
    /// </summary>
    internal static readonly TimeSpan CursorHorizon = TimeSpan.FromDays(30);

    private const string Path = "crm/people.api";

    private readonly WorkbooksClient client;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly PersonReader reader;
    private readonly DeltaReader deltas;
    private readonly PeopleWrites writes;
    private PeopleSchema? schema;

    internal WorkbooksConnector(WorkbooksClient client, TimeProvider time, ILogger logger)
    {
        this.client = client;
        this.time = time;
        this.logger = logger;
        reader = new PersonReader(logger);
        deltas = new DeltaReader(client);
        writes = new PeopleWrites(client, reader);
    }

    public ConnectorCapabilities Capabilities => WorkbooksConnectorFactory.Capabilities;

    public IReadOnlyList<FieldType> CreatableFieldTypes => [.. CustomFieldCreator.DataTypes.Keys];

    public async Task<FieldDefinition> CreateFieldAsync(string label, FieldType type, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var current = await PeopleSchema.LoadAsync(client, cancellationToken).ConfigureAwait(false);
        var created = await CustomFieldCreator.CreateAsync(client, current, label, type, cancellationToken).ConfigureAwait(false);

        // The next read or write sees the new column.
        schema = null;
        return created;
    }

    public async Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken)
    {
        // Always read fresh: administrators add custom fields at any time.
        schema = await PeopleSchema.LoadAsync(client, cancellationToken).ConfigureAwait(false);
        return schema.ToAppSchema();
    }

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The listing is the delta read from the beginning of time, so its last position is the change feed's cursor:
        // a person changed while the listing runs has a newer updated_at and is read later, never skipped.
        var cursor = FeedCursor.Start(time.GetUtcNow());
        while (true)
        {
            var (rows, more) = await deltas.ReadAsync(cursor, withDeleted: false, cancellationToken).ConfigureAwait(false);
            var people = await SchemaAsync(rows.Count, cancellationToken).ConfigureAwait(false);
            var records = rows.Select(r => reader.Read(r, people!)).ToList();
            cursor = cursor.Advance(rows.Select(r => (PersonReader.Id(r), PersonReader.UpdatedAt(r))), cursor.CheckedAt);
            if (!more)
            {
                yield return new RecordPage(records, cursor.ToString());
                yield break;
            }

            yield return new RecordPage(records);
        }
    }

    public async Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken)
    {
        var position = Parse(cursor);
        var now = time.GetUtcNow();
        if (now - position.CheckedAt >= CursorHorizon)
        {
            WorkbooksLog.CursorExpired(logger, (int)(now - position.CheckedAt).TotalDays);
            throw new CursorExpiredException("The Workbooks cursor was not read for 30 days; deleted people may be purged, so a full rescan is needed.");
        }

        var (rows, more) = await deltas.ReadAsync(position, withDeleted: true, cancellationToken).ConfigureAwait(false);
        var people = await SchemaAsync(rows.Count(r => !PersonReader.IsDeleted(r)), cancellationToken).ConfigureAwait(false);
        var changed = rows.Where(r => !PersonReader.IsDeleted(r)).Select(r => reader.Read(r, people!)).ToList();
        var deleted = rows.Where(PersonReader.IsDeleted).Select(PersonReader.Id).ToList();
        var next = position.Advance(rows.Select(r => (PersonReader.Id(r), PersonReader.UpdatedAt(r))), now);
        return new ChangePage(changed, deleted, next.ToString(), more);
    }

    /// <summary>The databases the login reaches (for <c>databaseId</c>), as Workbooks names them.</summary>
    public async Task<IReadOnlyList<SettingChoice>> ListChoicesAsync(string settingKey, CancellationToken cancellationToken)
    {
        if (settingKey != "databaseId")
        {
            throw new ArgumentException($"Workbooks lists no values for the setting {settingKey}.", nameof(settingKey));
        }

        return [.. (await client.DatabasesAsync(cancellationToken).ConfigureAwait(false)).Select(d => new SettingChoice(d.Id, d.Name))];
    }

    public IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("Workbooks has a change feed (updated_at deltas); versions are not listed.");

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var numeric = ids.Where(id => int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)).Distinct(StringComparer.Ordinal).ToList();
        var records = new List<ContactRecord>(numeric.Count);
        foreach (var chunk in numeric.Chunk(PeopleWrites.MaxObjects))
        {
            var rows = await client.ReadAsync(Path, new WorkbooksForm().Filter("id", "eq", WorkbooksForm.AnyOf(chunk)).Page(0, PeopleWrites.MaxObjects), cancellationToken).ConfigureAwait(false);
            var people = await SchemaAsync(rows.Count, cancellationToken).ConfigureAwait(false);
            records.AddRange(rows.OfType<JsonObject>().Select(r => reader.Read(r, people!)));
        }

        return records;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count > Capabilities.WriteBatchSize)
        {
            throw new ArgumentException($"At most {Capabilities.WriteBatchSize} writes per batch.", nameof(operations));
        }

        var people = await SchemaAsync(operations.Count, cancellationToken).ConfigureAwait(false);
        return await writes.ApplyAsync(operations, people!, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        // Tandem's reference was stored in created_through_reference, which Workbooks filters on.
        var rows = await client.ReadAsync(Path, new WorkbooksForm().Filter("created_through_reference", "eq", WorkbooksForm.AnyOf([clientReference])).Page(0, 10), cancellationToken).ConfigureAwait(false);
        if (rows.OfType<JsonObject>().FirstOrDefault() is not { } row)
        {
            return null;
        }

        var people = await SchemaAsync(1, cancellationToken).ConfigureAwait(false);
        return reader.Read(row, people!);
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The schema, read once per connector and only when there is a person to read or write (a quiet poll costs one call).</summary>
    private async Task<PeopleSchema?> SchemaAsync(int needed, CancellationToken cancellationToken) =>
        needed == 0 ? schema ?? PeopleSchema.From([], new Dictionary<int, List<string>>()) : schema ??= await PeopleSchema.LoadAsync(client, cancellationToken).ConfigureAwait(false);

    private static FeedCursor Parse(string cursor)
    {
        try
        {
            return FeedCursor.Parse(cursor);
        }
        catch (FormatException ex)
        {
            throw new CursorExpiredException("The saved Workbooks cursor is not readable; a full rescan is needed.", ex);
        }
    }
}
