using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Pipedrive.Internal;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipedrive;

/// <summary>
/// One Pipedrive company's persons over API v2 (v1 for <c>personFields</c> and <c>recents</c>): person ids as ids,
/// a content hash as version, <c>updated_since</c> polling with a tie-safe cursor as the change feed, v1 recents for
/// deletions, labels as tags, <c>marketing_status</c> for unsubscribes. See <c>README.md</c>.
/// </summary>
public sealed class PipedriveConnector : IContactConnector, IWebhookRegistrar, IFieldCreator
{
    /// <summary>Pipedrive purges deleted persons this long after deletion; an older cursor could miss deletions.</summary>
    internal static readonly TimeSpan DeletionRetention = TimeSpan.FromDays(30);

    private const int PageSize = 500;
    private const int IdsPerGet = 100;
    private const string ContactFields = PipedriveSchema.IncludeFields;
    private const string DeletionsMark = ";d";
    private const string DeletedMark = "x";

    private readonly PipedriveClient client;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly PersonReader reader;
    private readonly PersonWrites writes;
    private CompanyDirectory? directory;

    internal PipedriveConnector(PipedriveClient client, TimeProvider time, ILogger logger)
    {
        this.client = client;
        this.time = time;
        this.logger = logger;
        reader = new PersonReader(logger);
        writes = new PersonWrites(client, reader, logger);
    }

    public ConnectorCapabilities Capabilities => PipedriveConnectorFactory.Capabilities;

    public async Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken)
    {
        // The schema is always read fresh: custom fields are added in Pipedrive's settings at any time.
        directory = await CompanyDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);
        return PipedriveSchema.Build(directory);
    }

    public IReadOnlyList<FieldType> CreatableFieldTypes => FieldCreation.Creatable;

    /// <summary>
    /// Adds a custom person field (<c>POST api/v1/personFields</c>) and returns it as <see cref="GetSchemaAsync"/> lists
    /// it from now on (<c>custom.&lt;40-character key&gt;</c>). A name already used by a person field is refused first.
    /// </summary>
    public async Task<FieldDefinition> CreateFieldAsync(string label, FieldType type, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var body = FieldCreation.Body(label, type, options, await CompanyDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false));
        JsonObject answer;
        try
        {
            answer = await client.PostAsync("api/v1/personFields", body, cancellationToken).ConfigureAwait(false);
        }
        catch (PipedriveApiException ex) when (ex.Code == 400)
        {
            throw new ConnectorException($"Pipedrive refused the new field: {ex.PipedriveMessage}", ex);
        }

        var key = Json.Text(answer["data"] as JsonObject, "key") ?? throw new ConnectorException("Pipedrive created the field but did not say its key.");

        // Reloaded, so writes know the field at once and the definition is the one the schema lists.
        directory = await CompanyDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);
        PipedriveLog.FieldCreated(logger, key);
        return PipedriveSchema.Build(directory).Find(PipedriveFieldKeys.CustomPrefix + key)
            ?? throw new ConnectorException("Pipedrive created the field but does not list it yet; refresh the fields in a moment.");
    }

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var company = await DirectoryAsync(cancellationToken).ConfigureAwait(false);

        // The cursor starts before the first page; every person listed advances it, so whatever changes during
        // the listing has a newer update_time and is read by the change feed.
        var cursor = new FeedCursor(DateTimeOffset.UnixEpoch, time.GetUtcNow(), new HashSet<string>(StringComparer.Ordinal));
        string? page = null;
        while (true)
        {
            var answer = await client.GetAsync($"api/v2/persons?sort_by=update_time&limit={PageSize}&{ContactFields}" + CursorQuery(page), cancellationToken).ConfigureAwait(false);
            var persons = Persons(answer);
            await company.PrepareAsync(persons, cancellationToken).ConfigureAwait(false);
            var records = persons.Select(p => reader.Read(p, company)).ToList();
            cursor = cursor.Advance(persons.Select(p => (PersonReader.Id(p), PersonReader.UpdateTime(p))), cursor.CheckedAt);
            page = Json.Text(answer["additional_data"] as JsonObject, "next_cursor");
            if (page is null)
            {
                yield return new RecordPage(records, cursor.ToString());
                yield break;
            }

            yield return new RecordPage(records);
        }
    }

    public async Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken)
    {
        var (position, deletionsSince) = ParseCursor(cursor);
        var now = time.GetUtcNow();
        if (now - position.CheckedAt >= DeletionRetention)
        {
            PipedriveLog.CursorExpired(logger, (int)(now - position.CheckedAt).TotalDays);
            throw new CursorExpiredException("The Pipedrive cursor was not read for 30 days; deleted persons may be purged, so a full rescan is needed.");
        }

        if (deletionsSince is null && await NothingNewAsync(position, cancellationToken).ConfigureAwait(false))
        {
            // A quiet poll costs one call: recents say nothing changed or was deleted since the cursor.
            return new ChangePage([], [], position.Advance([], now).ToString(), HasMore: false);
        }

        var company = await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        var since = Uri.EscapeDataString(Rfc3339(position.UpdateTime));
        var persons = new List<JsonObject>();
        string? page = null;
        do
        {
            // updated_since is inclusive: persons already delivered at exactly the cursor's second are skipped. Pages
            // follow Pipedrive's cursor only while every person read shares that second, so the feed always advances.
            var answer = await client.GetAsync($"api/v2/persons?updated_since={since}&sort_by=update_time&limit={PageSize}&{ContactFields}" + CursorQuery(page), cancellationToken).ConfigureAwait(false);
            var read = Persons(answer);
            persons.AddRange(read.Where(p => !Delivered(position, PersonReader.Id(p), PersonReader.UpdateTime(p))));
            page = Json.Text(answer["additional_data"] as JsonObject, "next_cursor");
            if (read.Any(p => PersonReader.UpdateTime(p) > position.UpdateTime))
            {
                break;
            }
        }
        while (page is not null);

        var hasMore = page is not null;
        var seen = persons.Select(p => (Id: PersonReader.Id(p), At: PersonReader.UpdateTime(p))).ToList();
        var deleted = new List<string>();
        if (hasMore)
        {
            // Deletions are read once the changes are caught up, from where this run of pages began.
            await company.PrepareAsync(persons, cancellationToken).ConfigureAwait(false);
            // Deletions are not checked yet, so the 30-day horizon still counts from the last time they were.
            var next = position.Advance(seen, position.CheckedAt);
            return new ChangePage(persons.Select(p => reader.Read(p, company)).ToList(), [], next + DeletionsMark + (deletionsSince ?? position.UpdateTime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), HasMore: true);
        }

        var newest = seen.Count == 0 ? position.UpdateTime : seen.Max(s => s.At);
        var recents = await RecentsAsync(deletionsSince ?? position.UpdateTime, cancellationToken).ConfigureAwait(false);
        var listed = seen.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

        // A person changed after the listing call above is in recents but not listed: deletions from that second on
        // wait for the next read, so the cursor never jumps over the unlisted change.
        var barrier = recents.Where(r => r.Active && !listed.Contains(r.Id) && (r.At > newest || (r.At == newest && !Delivered(position, r.Id, r.At))))
            .Select(r => (DateTimeOffset?)r.At).Min();
        // A deletion is remembered apart from a change ("x" + id): a person delivered as changed may be deleted in the same second.
        // A merge shows in recents as the survivor changed with merge_what_id (the spec's recents person) beside the
        // merged person gone; a gone person naming merged_to_id (issue 14's reading) counts the same.
        var survivors = recents.Where(r => r.Active && r.MergeWhat is not null).GroupBy(r => r.MergeWhat!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Id, StringComparer.Ordinal);
        var merges = new List<RecordMerge>();
        foreach (var (id, at, _, mergedTo, _) in recents.Where(r => !r.Active && (barrier is null || r.At < barrier) && !Delivered(position, DeletedMark + r.Id, r.At)))
        {
            if (!deleted.Contains(id))
            {
                deleted.Add(id);
                seen.Add((DeletedMark + id, at));
                if ((mergedTo ?? survivors.GetValueOrDefault(id)) is { } survivor)
                {
                    // Gone from Pipedrive like a deleted person, but merged into another: the engine re-links, it does
                    // not tag or carry over a deletion.
                    merges.Add(new RecordMerge(id, survivor));
                }
            }
        }

        await company.PrepareAsync(persons, cancellationToken).ConfigureAwait(false);
        var changed = persons.Where(p => !deleted.Contains(PersonReader.Id(p))).Select(p => reader.Read(p, company)).ToList();
        var gone = merges.Select(m => m.GoneId).ToHashSet(StringComparer.Ordinal);
        return new ChangePage(changed, [.. deleted.Where(id => !gone.Contains(id))], position.Advance(seen, now).ToString(), HasMore: false) { Merges = merges };
    }

    public IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("Pipedrive has a change feed (updated_since); versions are not listed.");

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var company = await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        var numeric = ids.Where(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Distinct(StringComparer.Ordinal).ToList();
        var records = new List<ContactRecord>(numeric.Count);
        foreach (var chunk in numeric.Chunk(IdsPerGet))
        {
            var answer = await client.GetAsync($"api/v2/persons?ids={string.Join(',', chunk)}&limit={PageSize}&{ContactFields}", cancellationToken).ConfigureAwait(false);
            var persons = Persons(answer);
            await company.PrepareAsync(persons, cancellationToken).ConfigureAwait(false);
            records.AddRange(persons.Select(p => reader.Read(p, company)));
        }

        return records;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count > Capabilities.WriteBatchSize)
        {
            throw new ArgumentException($"At most {Capabilities.WriteBatchSize} writes per batch.", nameof(operations));
        }

        var company = await DirectoryAsync(cancellationToken).ConfigureAwait(false);

        // Updates are checked against the persons as they are now: one call reads them all (ids, at most 100).
        var updated = operations.OfType<UpdateOperation>().Select(u => u.RecordId)
            .Where(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Distinct(StringComparer.Ordinal).ToList();
        var current = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var chunk in updated.Chunk(IdsPerGet))
        {
            var answer = await client.GetAsync($"api/v2/persons?ids={string.Join(',', chunk)}&limit={PageSize}&{ContactFields}", cancellationToken).ConfigureAwait(false);
            foreach (var person in Persons(answer))
            {
                current[PersonReader.Id(person)] = person;
            }
        }

        var results = new List<WriteResult>(operations.Count);
        foreach (var operation in operations)
        {
            results.Add(await writes.ApplyAsync(operation, company, current, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        // Persons hold no client reference (short of a custom field), so a lost create is found by its email.
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var answer = await client.GetAsync($"api/v2/persons/search?term={Uri.EscapeDataString(email.Trim())}&fields=email&exact_match=true&limit=100", cancellationToken).ConfigureAwait(false);
        var newest = Json.Items(answer["data"] as JsonObject, "items")
            .Select(i => Json.Int(i["item"] as JsonObject, "id"))
            .OfType<int>()
            .DefaultIfEmpty(-1)
            .Max();
        if (newest < 0)
        {
            return null;
        }

        // The newest person with that email is the one the lost create made.
        return (await GetAsync([newest.ToString(CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>
    /// Registers a webhook for every person event (<c>event_object</c> person, <c>event_action</c> *, version 2.0) that
    /// Pipedrive delivers to <paramref name="url"/> with HTTP Basic <paramref name="user"/>/<paramref name="password"/>;
    /// webhooks already pointing at that URL are removed first, so registering again never doubles deliveries.
    /// Needs an admin token (the <c>admin</c> OAuth scope). Returns the webhook id, for <see cref="RemoveWebhookAsync"/>.
    /// </summary>
    public async Task<string> RegisterWebhookAsync(Uri url, string user, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var existing = await client.GetAsync("api/v1/webhooks", cancellationToken).ConfigureAwait(false);
        foreach (var webhook in (existing["data"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Json.Text(webhook, "subscription_url") == url.ToString() && Json.Int(webhook, "id") is { } old)
            {
                await RemoveWebhookAsync(old.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            }
        }

        var created = await client.PostAsync("api/v1/webhooks", new JsonObject
        {
            ["subscription_url"] = url.ToString(),
            ["event_action"] = "*",
            ["event_object"] = "person",
            ["name"] = "Tandem",
            ["version"] = "2.0",
            ["http_auth_user"] = user,
            ["http_auth_password"] = password,
        }, cancellationToken).ConfigureAwait(false);
        return Json.Int(created["data"] as JsonObject, "id")?.ToString(CultureInfo.InvariantCulture)
            ?? throw new ConnectorException("Pipedrive created the webhook but did not say its id.");
    }

    /// <summary>Removes a webhook <see cref="RegisterWebhookAsync"/> made; one already gone is not an error.</summary>
    public async Task RemoveWebhookAsync(string webhookId, CancellationToken cancellationToken)
    {
        if (!int.TryParse(webhookId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new ArgumentException("Not a Pipedrive webhook id.", nameof(webhookId));
        }

        try
        {
            _ = await client.DeleteAsync($"api/v1/webhooks/{id}", cancellationToken).ConfigureAwait(false);
        }
        catch (PipedriveApiException ex) when (ex.Code == 404)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The feed position, and while a run of pages is under way (<see cref="ChangePage.HasMore"/>) the second from which
    /// its deletions are read: <c>&lt;FeedCursor&gt;;d&lt;unix seconds&gt;</c>.
    /// </summary>
    private static (FeedCursor Position, DateTimeOffset? DeletionsSince) ParseCursor(string cursor)
    {
        try
        {
            var mark = cursor.IndexOf(DeletionsMark, StringComparison.Ordinal);
            return mark < 0
                ? (FeedCursor.Parse(cursor), null)
                : (FeedCursor.Parse(cursor[..mark]), DateTimeOffset.FromUnixTimeSeconds(long.Parse(cursor[(mark + DeletionsMark.Length)..], NumberStyles.Integer, CultureInfo.InvariantCulture)));
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new CursorExpiredException("The saved Pipedrive cursor is not readable; a full rescan is needed.", ex);
        }
    }

    private static bool Delivered(FeedCursor position, string id, DateTimeOffset at) => at == position.UpdateTime && position.IdsAtUpdateTime.Contains(id);

    private static List<JsonObject> Persons(JsonObject answer) => (answer["data"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    private static string CursorQuery(string? page) => page is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(page);

    private static string Rfc3339(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether recents (inclusive of the cursor's second) list only persons already delivered at that second: then
    /// nothing changed and nothing was deleted since, and the poll needs no other call. One call, a small page.
    /// </summary>
    private async Task<bool> NothingNewAsync(FeedCursor position, CancellationToken cancellationToken)
    {
        var limit = position.IdsAtUpdateTime.Count + 1;
        if (limit > PageSize)
        {
            return false;
        }

        var answer = await client.GetAsync($"api/v1/recents?items=person&since_timestamp={RecentsStamp(position.UpdateTime)}&start=0&limit={limit}", cancellationToken).ConfigureAwait(false);
        return V1Pagination.NextStart(answer, 0, limit) is null
            && RecentItems(answer).All(r => r.At == position.UpdateTime && Delivered(position, r.Active ? r.Id : DeletedMark + r.Id, r.At));
    }

    private static string RecentsStamp(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));

    /// <summary>
    /// The persons of one recents answer: id, update time, whether the person is still there, for one merged into another
    /// the survivor's id (<c>merged_to_id</c>), and for a survivor the merged person's id (<c>merge_what_id</c>).
    /// </summary>
    private static IEnumerable<(string Id, DateTimeOffset At, bool Active, string? MergedTo, string? MergeWhat)> RecentItems(JsonObject answer)
    {
        foreach (var item in (answer["data"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var data = item["data"] as JsonObject;
            if (Json.Text(item, "item") != "person" || (Json.Int(data, "id") ?? Json.Int(item, "id")) is not { } id
                || PersonReader.ParseTime(Json.Text(data, "update_time")) is not { } at)
            {
                continue;
            }

            yield return (id.ToString(CultureInfo.InvariantCulture), at, data?["active_flag"]?.GetValue<bool>() != false,
                Json.Int(data, "merged_to_id")?.ToString(CultureInfo.InvariantCulture), Json.Int(data, "merge_what_id")?.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>v1 recents for persons since a second: who changed and who was deleted (<c>active_flag: false</c>).</summary>
    private async Task<List<(string Id, DateTimeOffset At, bool Active, string? MergedTo, string? MergeWhat)>> RecentsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var items = new List<(string Id, DateTimeOffset At, bool Active, string? MergedTo, string? MergeWhat)>();
        var stamp = RecentsStamp(since);
        var start = 0;
        while (true)
        {
            var answer = await client.GetAsync($"api/v1/recents?items=person&since_timestamp={stamp}&start={start}&limit={PageSize}", cancellationToken).ConfigureAwait(false);
            items.AddRange(RecentItems(answer));
            if (V1Pagination.NextStart(answer, start, PageSize) is not { } next)
            {
                return items;
            }

            start = next;
        }
    }

    private async Task<CompanyDirectory> DirectoryAsync(CancellationToken cancellationToken) =>
        directory ??= await CompanyDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);
}
