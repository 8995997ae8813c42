using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.HubSpot.Internal;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.HubSpot;

/// <summary>
/// One HubSpot portal's contacts over CRM v3: contact ids as ids, <c>lastmodifieddate</c> (ms) as version, a search on
/// <c>lastmodifieddate</c> ascending as the change feed (a new search from the newest change for every page, so its
/// 10,000-result cap is never reached) with the <c>archived=true</c> listing for deletions, batch writes of 100, static
/// lists as tags, the opt-out properties as unsubscribes. See <c>README.md</c>.
/// </summary>
public sealed class HubSpotConnector : IContactConnector, IFieldCreator
{
    /// <summary>HubSpot purges archived contacts 90 days after archiving; an older cursor could miss deletions.</summary>
    internal static readonly TimeSpan ArchiveRetention = TimeSpan.FromDays(90);

    /// <summary>The cursor's millisecond was read whole: the next search starts after it.</summary>
    private const long Drained = long.MaxValue;

    private const int PageSize = 100;
    private const int SearchPage = 200;

    private readonly HubSpotClient client;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ContactReader reader;
    private readonly ContactWrites writes;
    private readonly Preferences preferences;
    private PropertyDirectory? directory;
    private ListDirectory? lists;

    internal HubSpotConnector(HubSpotClient client, string? defaultRegion, TimeProvider time, ILogger logger)
    {
        this.client = client;
        this.time = time;
        this.logger = logger;
        reader = new ContactReader(defaultRegion, logger);
        writes = new ContactWrites(client, reader, logger);
        preferences = new Preferences(client);
    }

    public ConnectorCapabilities Capabilities => HubSpotConnectorFactory.Capabilities;

    public async Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken)
    {
        // Always read fresh: properties are added in HubSpot's settings at any time.
        directory = await PropertyDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);
        var owners = await client.GetAsync("crm/v3/owners?limit=100", cancellationToken).ConfigureAwait(false);
        return HubSpotSchema.Build(directory, [.. Json.Items(owners, "results").Select(o => (Json.Text(o, "id") ?? string.Empty, $"{Json.Text(o, "firstName")} {Json.Text(o, "lastName")}".Trim()))]);
    }

    public IReadOnlyList<FieldType> CreatableFieldTypes => PropertyCreation.Creatable;

    /// <summary>Creates a custom contact property (<c>POST /crm/v3/properties/contacts</c>) and returns it as the schema lists it.</summary>
    public async Task<FieldDefinition> CreateFieldAsync(string label, FieldType type, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var known = await PropertyDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);
        var body = PropertyCreation.Body(label, type, options, known);
        try
        {
            _ = await client.PostAsync("crm/v3/properties/contacts", body, cancellationToken).ConfigureAwait(false);
        }
        catch (HubSpotApiException ex) when (ex.Status is 400 or 409)
        {
            throw new ConnectorException($"HubSpot refused the new property: {ex.AppReason}", ex);
        }

        var name = Json.Text(body, "name")!;
        directory = await PropertyDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);
        HubSpotLog.PropertyCreated(logger, name);
        return HubSpotSchema.Build(directory, []).Find(HubSpotFieldKeys.PropertyPrefix + name)
            ?? throw new ConnectorException("HubSpot created the property but does not list it yet; refresh the fields in a moment.");
    }

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var properties = await DirectoryAsync(cancellationToken).ConfigureAwait(false);

        // The feed starts from before the first page: whatever changes during the listing is read by the feed.
        var cursor = FeedCursor.Start(time.GetUtcNow().ToUnixTimeMilliseconds());
        var names = Uri.EscapeDataString(string.Join(',', properties.ReadNames));
        string? after = null;
        while (true)
        {
            var answer = await client.ListAsync($"crm/v3/objects/contacts?limit={PageSize}&properties={names}" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after)), cancellationToken).ConfigureAwait(false);
            var records = await ReadAsync([.. Json.Items(answer, "results")], properties, cancellationToken).ConfigureAwait(false);
            after = Json.Text((answer["paging"] as JsonObject)?["next"] as JsonObject, "after");
            if (after is null)
            {
                yield return new RecordPage(records, cursor.ToString());
                yield break;
            }

            yield return new RecordPage(records);
        }
    }

    public async Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken)
    {
        FeedCursor position;
        try
        {
            position = FeedCursor.Parse(cursor);
        }
        catch (FormatException ex)
        {
            throw new CursorExpiredException("The saved HubSpot cursor is not readable; a full rescan is needed.", ex);
        }

        var now = time.GetUtcNow();
        if (now - DateTimeOffset.FromUnixTimeMilliseconds(position.CheckedAt) >= ArchiveRetention)
        {
            throw new CursorExpiredException("The HubSpot cursor was not read for 90 days; archived contacts may be purged, so a full rescan is needed.");
        }

        var properties = await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        if (position.Tie is { } tie && tie != Drained)
        {
            return await DrainAsync(position, tie, properties, cancellationToken).ConfigureAwait(false);
        }

        var answer = await client.SearchAsync(ChangeSearch(position, properties), cancellationToken).ConfigureAwait(false);
        var found = Json.Items(answer, "results").ToList();
        var seen = found.Select(c => (Id: ContactReader.Id(c), At: ContactReader.Modified(c).ToUnixTimeMilliseconds())).ToList();
        var fresh = found.Where(c => !(ContactReader.Modified(c).ToUnixTimeMilliseconds() == position.At && position.IdsAt.Contains(ContactReader.Id(c)))).ToList();
        var (at, idsAt) = FeedCursor.Advance(position.At, position.IdsAt, seen);
        var changed = await ReadAsync(fresh, properties, cancellationToken).ConfigureAwait(false);
        if ((answer["paging"] as JsonObject)?["next"] is JsonObject)
        {
            // The page ended inside its newest millisecond, whose other contacts may sort anywhere: that millisecond is
            // read next contact by contact (by id), then a new search starts after it. No search pages with "after", so
            // its 10,000-result cap is never met, however long the backlog.
            HubSpotLog.SearchWindowMoved(logger, found.Count);
            return new ChangePage(changed, [], (position with { At = at, IdsAt = idsAt, Tie = -1 }).ToString(), HasMore: true) { Merges = Merges(fresh) };
        }

        var (deleted, archivedAt, archivedIds) = await ArchivedSinceAsync(position, cancellationToken).ConfigureAwait(false);
        return new ChangePage(
            [.. changed.Where(r => !deleted.Contains(r.Id))],
            deleted,
            new FeedCursor(at, null, idsAt, archivedAt, archivedIds, now.ToUnixTimeMilliseconds()).ToString(),
            HasMore: false) { Merges = Merges(fresh) };
    }

    /// <summary>One page of the contacts changed in the cursor's millisecond, by id after <paramref name="tie"/>; those delivered already are skipped.</summary>
    private async Task<ChangePage> DrainAsync(FeedCursor position, long tie, PropertyDirectory properties, CancellationToken cancellationToken)
    {
        var answer = await client.SearchAsync(Search(properties, "hs_object_id", Filter("lastmodifieddate", "EQ", position.At), Filter("hs_object_id", "GT", tie)), cancellationToken).ConfigureAwait(false);
        var found = Json.Items(answer, "results").ToList();
        var fresh = found.Where(c => !position.IdsAt.Contains(ContactReader.Id(c))).ToList();
        var ids = new HashSet<string>(position.IdsAt, StringComparer.Ordinal);
        ids.UnionWith(found.Select(ContactReader.Id));
        var more = (answer["paging"] as JsonObject)?["next"] is JsonObject;
        var last = found.Select(c => long.Parse(ContactReader.Id(c), NumberStyles.None, CultureInfo.InvariantCulture)).DefaultIfEmpty(tie).Max();
        var changed = await ReadAsync(fresh, properties, cancellationToken).ConfigureAwait(false);
        return new ChangePage(changed, [], (position with { IdsAt = ids, Tie = more ? last : Drained }).ToString(), HasMore: true) { Merges = Merges(fresh) };
    }

    /// <summary>
    /// The merges behind these changes: a merge changes the primary contact, whose <c>hs_merged_object_ids</c> then names
    /// every secondary id merged into it (the secondary is not archived, it is gone). The list stays on the primary, so
    /// later changes name the same merges again; the engine re-links once and ignores the repeats.
    /// </summary>
    private static RecordMerge[] Merges(IEnumerable<JsonObject> contacts) =>
        [.. contacts.SelectMany(c => ContactReader.MergedIds(c).Select(gone => new RecordMerge(gone, ContactReader.Id(c))))];

    public IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("HubSpot has a change feed (search on lastmodifieddate); versions are not listed.");

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var properties = await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<ContactRecord>(ids.Count);
        foreach (var chunk in ids.Where(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Distinct(StringComparer.Ordinal).Chunk(ContactBatches.Size))
        {
            var contacts = await ContactBatches.ReadAsync(client, chunk, properties, cancellationToken).ConfigureAwait(false);

            // A merged-away id is answered as its survivor: only the ids asked for are these records.
            records.AddRange(await ReadAsync([.. contacts.Where(c => chunk.Contains(ContactReader.Id(c)))], properties, cancellationToken).ConfigureAwait(false));
        }

        return records;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count > Capabilities.WriteBatchSize)
        {
            throw new ArgumentException($"At most {Capabilities.WriteBatchSize} writes per batch.", nameof(operations));
        }

        var properties = await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        var tagLists = await ListsAsync(cancellationToken).ConfigureAwait(false);
        return await writes.ApplyAsync(operations, properties, tagLists, preferences, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        // Contacts hold no client reference (short of a custom property), but emails are unique: the contact with the
        // email is the one the lost create made. Read by email (idProperty), not searched: search lags behind writes.
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var properties = await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        JsonObject contact;
        try
        {
            contact = await client.GetAsync($"crm/v3/objects/contacts/{Uri.EscapeDataString(email.Trim())}?idProperty=email&properties={Uri.EscapeDataString(string.Join(',', properties.ReadNames))}", cancellationToken).ConfigureAwait(false);
        }
        catch (HubSpotApiException ex) when (ex.Status == 404)
        {
            return null;
        }

        return (await ReadAsync([contact], properties, cancellationToken).ConfigureAwait(false)).Single();
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static JsonObject ChangeSearch(FeedCursor position, PropertyDirectory properties) =>
        Search(properties, "lastmodifieddate", Filter("lastmodifieddate", position.Tie == Drained ? "GT" : "GTE", position.At));

    /// <summary>A search of one filter group, sorted ascending by one property (HubSpot takes one sort), a page of 200.</summary>
    private static JsonObject Search(PropertyDirectory properties, string sortBy, params JsonObject[] filters) => new()
    {
        ["filterGroups"] = new JsonArray(new JsonObject { ["filters"] = new JsonArray([.. filters]) }),
        ["sorts"] = new JsonArray(new JsonObject { ["propertyName"] = sortBy, ["direction"] = "ASCENDING" }),
        ["properties"] = new JsonArray([.. properties.ReadNames.Select(n => (JsonNode)n)]),
        ["limit"] = SearchPage,
        ["after"] = "0",
    };

    private static JsonObject Filter(string property, string op, long value) => new()
    {
        ["propertyName"] = property,
        ["operator"] = op,
        ["value"] = value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Contacts archived since the cursor, from the <c>archived=true</c> listing (it has no filter: every archived contact
    /// of the last 90 days is paged through). A merged-away contact is not archived, so a merge is never a deletion here.
    /// </summary>
    private async Task<(List<string> Deleted, long At, HashSet<string> IdsAt)> ArchivedSinceAsync(FeedCursor position, CancellationToken cancellationToken)
    {
        var archived = new List<(string Id, long At)>();
        string? after = null;
        do
        {
            var answer = await client.ListAsync("crm/v3/objects/contacts?archived=true&limit=100&properties=hs_object_id" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after)), cancellationToken).ConfigureAwait(false);
            foreach (var contact in Json.Items(answer, "results"))
            {
                if (ContactReader.Time(Json.Text(contact, "archivedAt")) is { } archivedAt)
                {
                    archived.Add((ContactReader.Id(contact), archivedAt.ToUnixTimeMilliseconds()));
                }
            }

            after = Json.Text((answer["paging"] as JsonObject)?["next"] as JsonObject, "after");
        }
        while (after is not null);

        var fresh = archived.Where(a => a.At > position.ArchivedAt || (a.At == position.ArchivedAt && !position.ArchivedIdsAt.Contains(a.Id))).ToList();
        var (at, ids) = FeedCursor.Advance(position.ArchivedAt, position.ArchivedIdsAt, fresh);
        return ([.. fresh.Select(a => a.Id).Distinct(StringComparer.Ordinal)], at, ids);
    }

    private async Task<List<ContactRecord>> ReadAsync(IReadOnlyList<JsonObject> contacts, PropertyDirectory properties, CancellationToken cancellationToken)
    {
        if (contacts.Count == 0)
        {
            // A quiet poll reads no list.
            return [];
        }

        var tagLists = await ListsAsync(cancellationToken).ConfigureAwait(false);
        var tags = await tagLists.TagsOfAsync([.. contacts.Select(ContactReader.Id)], cancellationToken).ConfigureAwait(false);
        return [.. contacts.Select(c => reader.Read(c, properties, tags[ContactReader.Id(c)]))];
    }

    private async Task<PropertyDirectory> DirectoryAsync(CancellationToken cancellationToken) =>
        directory ??= await PropertyDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);

    private async Task<ListDirectory> ListsAsync(CancellationToken cancellationToken) =>
        lists ??= await ListDirectory.LoadAsync(client, logger, cancellationToken).ConfigureAwait(false);
}
