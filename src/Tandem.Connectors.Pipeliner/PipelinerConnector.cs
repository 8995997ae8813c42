using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Pipeliner.Internal;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipeliner;

/// <summary>
/// One Pipeliner space's contacts over REST v100 (optionally one sales unit's): contact ids as ids, <c>revision</c> as
/// version, <c>filter[modified]</c> ≥ the cursor, ordered by <c>modified</c>, with <c>include-deleted=true</c> as the
/// change feed (deleted rows as deletions), <c>batch-modify</c> for creates and updates. See <c>README.md</c>.
/// </summary>
public sealed class PipelinerConnector : IContactConnector, IWebhookRegistrar, ISettingChoices
{
    /// <summary>
    /// A cursor whose deletions were not read for this long asks for a full rescan: Pipeliner documents no retention for
    /// deleted records, so Tandem assumes they may be purged after 30 days (the recycle bin's usual period, unverified).
    /// </summary>
    internal static readonly TimeSpan DeletionHorizon = TimeSpan.FromDays(30);

    private const int PageSize = 100;

    private readonly PipelinerClient client;
    private readonly PipelinerSettings settings;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ContactReader reader;
    private readonly ContactWrites writes;
    private readonly SpaceWebhooks webhooks;
    private SpaceDirectory? directory;
    private AccountScope? scope;

    internal PipelinerConnector(PipelinerClient client, PipelinerSettings settings, TimeProvider time, ILogger logger)
    {
        this.client = client;
        this.settings = settings;
        this.time = time;
        this.logger = logger;
        reader = new ContactReader(settings.DefaultRegion, logger);
        writes = new ContactWrites(client, reader, logger);
        webhooks = new SpaceWebhooks(client);
    }

    public ConnectorCapabilities Capabilities => PipelinerConnectorFactory.Capabilities;

    /// <summary>
    /// Registers contact webhooks on <paramref name="url"/> (which holds the connection's secret: Pipeliner documents no
    /// signature or authentication for deliveries, so <paramref name="user"/> and <paramref name="password"/> are not used).
    /// </summary>
    public Task<string> RegisterWebhookAsync(Uri url, string user, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        return webhooks.RegisterAsync(url, cancellationToken);
    }

    public Task RemoveWebhookAsync(string webhookId, CancellationToken cancellationToken) => webhooks.RemoveAsync(webhookId, cancellationToken);

    /// <summary>The space's users (for <c>ownerId</c>) or sales units (for <c>salesUnitId</c>), by name, read from the space.</summary>
    public async Task<IReadOnlyList<SettingChoice>> ListChoicesAsync(string settingKey, CancellationToken cancellationToken)
    {
        var space = await SpaceDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);
        var listed = settingKey switch
        {
            "ownerId" => space.Clients,
            "salesUnitId" => space.Units,
            _ => throw new ArgumentException($"Pipeliner lists no values for the setting {settingKey}.", nameof(settingKey)),
        };
        return [.. listed.OrderBy(e => e.Value, StringComparer.CurrentCultureIgnoreCase).Select(e => new SettingChoice(e.Key, e.Value)
        {
            // A user may also be named by the email they sign in with (AccountScope takes it).
            Aliases = settingKey == "ownerId" && space.ClientEmails.TryGetValue(e.Key, out var email) ? [email] : [],
        })];
    }

    public async Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken)
    {
        // Read fresh: custom fields are added in Pipeliner's settings at any time.
        directory = await SpaceDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);
        scope = AccountScope.Resolve(settings, directory);
        return PipelinerSchema.Build(directory);
    }

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var space = await DirectoryAsync(cancellationToken).ConfigureAwait(false);

        // Ordered by modified, so the cursor after the last page is the newest stamp listed: whatever changes during the
        // listing gets a newer stamp and comes through the change feed.
        var cursor = new FeedCursor(FeedCursor.Beginning, time.GetUtcNow(), new HashSet<string>(StringComparer.Ordinal));
        string? after = null;
        while (true)
        {
            var page = ContactPage.Read(await client.ListPageAsync(ListPath(includeDeleted: false, since: null, after), cancellationToken).ConfigureAwait(false), "Contacts");
            var contacts = Stamped(page.Items);
            cursor = cursor.Advance(contacts.Select(c => (ContactReader.Id(c), ContactReader.Modified(c)!)), cursor.CheckedAt);
            var records = contacts.Select(c => reader.Read(c, space)).ToList();
            after = page.Next;
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
        var position = FeedCursor.Parse(cursor);
        var now = time.GetUtcNow();
        if (now - position.CheckedAt >= DeletionHorizon)
        {
            PipelinerLog.CursorExpired(logger, (int)(now - position.CheckedAt).TotalDays);
            throw new CursorExpiredException("The Pipeliner cursor was not read for 30 days; deleted contacts may be purged, so a full rescan is needed.");
        }

        if (scope is null && settings.SalesUnitId is { } unitSetting && !Guid.TryParse(unitSetting, out _))
        {
            // A sales unit named by its name: its id comes from the space's list before the feed can be filtered.
            await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        }

        // modified ≥ the cursor's stamp (inclusive: the contacts already delivered at that stamp are skipped). Pages are
        // followed only while every contact read shares that stamp, so the feed always moves on; an unfinished query is
        // continued where it stopped (its end_cursor), so no contact is read twice across pages.
        var read = new List<JsonObject>();
        var queryStamp = position.QueryStamp ?? position.Stamp;
        var after = position.After;
        var more = true;
        while (more)
        {
            var page = await FeedPageAsync(queryStamp, after, cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                // Pipeliner no longer knows the saved end_cursor: the query starts again from the cursor's stamp.
                (queryStamp, after) = (position.Stamp, null);
                continue;
            }

            var contacts = Stamped(page.Items);
            read.AddRange(contacts.Where(c => !position.Delivered(ContactReader.Id(c), ContactReader.Modified(c)!)));
            after = page.Next;
            more = after is not null;
            if (contacts.Any(c => FeedCursor.Order(ContactReader.Modified(c)) > FeedCursor.Order(position.Stamp)))
            {
                break;
            }
        }

        var space = read.Count == 0 ? null : await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        var deleted = read.Where(ContactReader.IsDeleted).Select(ContactReader.Id).Distinct(StringComparer.Ordinal).ToList();
        var changed = read.Where(c => !ContactReader.IsDeleted(c)).Select(c => reader.Read(c, space!)).ToList();
        var next = position.Advance(read.Select(c => (ContactReader.Id(c), ContactReader.Modified(c)!)), more ? position.CheckedAt : now).Continuing(queryStamp, after);
        return new ChangePage(changed, deleted, next.ToString(), more);
    }

    /// <summary>One feed page; null when a saved <c>end_cursor</c> is refused (then the caller asks again without it).</summary>
    private async Task<ContactPage?> FeedPageAsync(string since, string? after, CancellationToken cancellationToken)
    {
        try
        {
            return ContactPage.Read(await client.ListPageAsync(ListPath(includeDeleted: true, since, after), cancellationToken).ConfigureAwait(false), "Contacts");
        }
        catch (PipelinerApiException ex) when (after is not null && ex.Status == 400)
        {
            return null;
        }
    }

    public IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("Pipeliner has a change feed (filter on modified); versions are not listed.");

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var space = await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await CurrentAsync(ids, cancellationToken).ConfigureAwait(false)).Values.Select(c => reader.Read(c, space))];
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count > Capabilities.WriteBatchSize)
        {
            throw new ArgumentException($"At most {Capabilities.WriteBatchSize} writes per batch.", nameof(operations));
        }

        var space = await DirectoryAsync(cancellationToken).ConfigureAwait(false);

        // Updates are checked against the contacts as they are now: one call reads them all (at most 100 ids).
        var current = await CurrentAsync([.. operations.OfType<UpdateOperation>().Select(u => u.RecordId)], cancellationToken).ConfigureAwait(false);
        return await writes.ApplyAsync(operations, space, scope!, current, PipelinerSchema.Build(space), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        // Contacts hold no client reference, so a lost create is found by its primary email (email1, where it was written).
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var answer = await client.GetAsync($"entities/Contacts?first={PageSize}&order-by=-created&filter[email1]={Uri.EscapeDataString(email.Trim())}", cancellationToken).ConfigureAwait(false);
        var newest = ContactPage.Read(answer, "Contacts").Items.FirstOrDefault();
        return newest is null ? null : reader.Read(newest, await DirectoryAsync(cancellationToken).ConfigureAwait(false));
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The live contacts with these ids, by id: <c>filter[id]</c> with the ids comma-separated, 100 a call.</summary>
    private async Task<Dictionary<string, JsonObject>> CurrentAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var chunk in ids.Where(id => id.Length > 0 && !id.Contains(',', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Chunk(PageSize))
        {
            var answer = await client.GetAsync($"entities/Contacts?first={PageSize}&filter[id]={Uri.EscapeDataString(string.Join(',', chunk))}", cancellationToken).ConfigureAwait(false);
            foreach (var contact in ContactPage.Read(answer, "Contacts").Items.Where(c => !ContactReader.IsDeleted(c)))
            {
                found[ContactReader.Id(contact)] = contact;
            }
        }

        return found;
    }

    private string ListPath(bool includeDeleted, string? since, string? after)
    {
        var path = $"entities/Contacts?first={PageSize}&order-by=modified";
        if (includeDeleted)
        {
            path += "&include-deleted=true";
        }

        if (since is not null)
        {
            path += "&filter[modified]=" + Uri.EscapeDataString(since) + "&filter-op[modified]=gte";
        }

        if ((scope is null ? settings.SalesUnitId : scope.UnitId) is { } unit)
        {
            path += "&filter[unit_id]=" + Uri.EscapeDataString(unit);
        }

        return after is null ? path : path + "&after=" + Uri.EscapeDataString(after);
    }

    /// <summary>Every contact of a feed page must carry its modified stamp; one without is a malformed page, not a change to skip.</summary>
    private static List<JsonObject> Stamped(IReadOnlyList<JsonObject> contacts) =>
        contacts.All(c => FeedCursor.Order(ContactReader.Modified(c)) is not null)
            ? [.. contacts]
            : throw new ConnectorException("Pipeliner answered a page of contacts without their modification times; the run stops, and nothing is taken as deleted.");

    private async Task<SpaceDirectory> DirectoryAsync(CancellationToken cancellationToken)
    {
        if (directory is null || scope is null)
        {
            var loaded = await SpaceDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);
            scope = AccountScope.Resolve(settings, loaded);
            directory = loaded;
        }

        return directory;
    }
}
