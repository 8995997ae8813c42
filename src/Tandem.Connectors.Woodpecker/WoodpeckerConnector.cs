using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Woodpecker.Internal;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Woodpecker;

/// <summary>
/// One Woodpecker account's global prospect list over the v1 API: prospect ids as ids, a content hash as version, the
/// listing sorted by <c>-updated</c> read down to the cursor as the change feed (there is no "since" filter), the
/// prospect count against the cursor's id list for deletions, <c>#TAG</c> tags, BLACKLIST as unsubscribed, snippets as
/// custom fields. Every request waits for the key's gate: Woodpecker serves one at a time per key. See <c>README.md</c>.
/// </summary>
public sealed class WoodpeckerConnector : IContactConnector, IWebhookRegistrar
{
    /// <summary>The id list in the cursor is renewed at least this often by a full rescan.</summary>
    internal static readonly TimeSpan IdListLifetime = TimeSpan.FromDays(7);

    /// <summary>Prospects per page of the change feed: a quiet poll reads one such page.</summary>
    internal const int FeedPageSize = 100;

    /// <summary>"Number of records per page. Default: 100, maximum: 1000."</summary>
    internal const int MaxPageSize = 1000;

    private const int ListingAttempts = 3;

    private readonly WoodpeckerClient client;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ProspectReader reader = new();
    private readonly ProspectWrites writes;
    private readonly WebhookSubscriptions webhooks;

    internal WoodpeckerConnector(WoodpeckerClient client, Uri baseUrl, TimeProvider time, ILogger logger)
    {
        this.client = client;
        this.time = time;
        this.logger = logger;
        writes = new ProspectWrites(client, reader, baseUrl, logger);
        webhooks = new WebhookSubscriptions(client);
    }

    public ConnectorCapabilities Capabilities => WoodpeckerConnectorFactory.Capabilities;

    /// <summary>Checks the API key the way Woodpecker suggests: <c>GET /rest/v1/me</c>.</summary>
    public Task<JsonObject> WhoAmIAsync(CancellationToken cancellationToken) => client.GetAsync("rest/v1/me", cancellationToken);

    public async Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken)
    {
        // Woodpecker lists no snippet catalogue: the labels are read from the newest prospects' snippet_labels.
        var (recent, _) = await client.ListAsync($"rest/v1/prospects?sort=-updated&per_page={FeedPageSize}", cancellationToken).ConfigureAwait(false);
        return WoodpeckerSchema.Build(WoodpeckerSchema.Labels(recent));
    }

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The position is taken before the listing: whatever changes during it is newer, and the feed reads it.
        var start = await StartAsync(cancellationToken).ConfigureAwait(false);
        var ids = new HashSet<int>();
        for (var attempt = 1; ; attempt++)
        {
            var page = 1;
            int? total = null;
            while (true)
            {
                var (items, count) = await client.ListAsync($"rest/v1/prospects?sort=%2Bid&per_page={MaxPageSize}&page={page}", cancellationToken).ConfigureAwait(false);
                total = count ?? total;
                var fresh = items.Where(p => ids.Add(ProspectReader.NumericId(p))).Select(reader.Read).ToList();
                if (items.Count < MaxPageSize)
                {
                    // Pages are offsets: a deletion during the listing shifts a prospect onto a page already read. The
                    // count tells; the listing then runs again, and only prospects not yet listed are returned.
                    if (total is { } expected && ids.Count < expected && attempt < ListingAttempts)
                    {
                        if (fresh.Count > 0)
                        {
                            yield return new RecordPage(fresh);
                        }

                        break;
                    }

                    var known = ids.Order().ToList();
                    yield return new RecordPage(fresh, (start with { MaxId = known.Count == 0 ? 0 : known[^1], Ids = known, IdsCheckedAt = time.GetUtcNow() }).ToString());
                    yield break;
                }

                yield return new RecordPage(fresh);
                page++;
            }
        }
    }

    public async Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken)
    {
        var position = FeedCursor.Parse(cursor);
        var now = time.GetUtcNow();
        if (now - position.IdsCheckedAt >= IdListLifetime)
        {
            WoodpeckerLog.CursorExpired(logger, (int)(now - position.IdsCheckedAt).TotalDays);
            throw new CursorExpiredException("The Woodpecker cursor's list of prospects is a week old; a full rescan renews it.");
        }

        var (changed, total) = await ChangedSinceAsync(position, cancellationToken).ConfigureAwait(false);
        var held = position.Ids.ToHashSet();
        var created = changed.Select(ProspectReader.NumericId).Where(id => id > position.MaxId && !held.Contains(id)).ToHashSet();
        var next = position.Advance(changed.Select(p => (ProspectReader.Id(p), ProspectReader.Updated(p))));
        var deleted = new List<string>();
        if (total is { } count && count != held.Count + created.Count)
        {
            WoodpeckerLog.ListingIds(logger);
            var listed = await ListIdsAsync(cancellationToken).ConfigureAwait(false);
            deleted.AddRange(held.Where(id => !listed.Contains(id)).Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
            next = next with { Ids = listed.Order().ToList(), MaxId = listed.Count == 0 ? 0 : listed.Max(), IdsCheckedAt = now };
        }
        else if (created.Count > 0)
        {
            next = next with { Ids = held.Concat(created).Order().ToList(), MaxId = Math.Max(position.MaxId, created.Max()) };
        }

        var records = changed.Where(p => !deleted.Contains(ProspectReader.Id(p))).Select(reader.Read).ToList();
        return new ChangePage(records, deleted, next.ToString(), HasMore: false);
    }

    public IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("Woodpecker has a change feed (the listing newest first); versions are not listed.");

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        // The listing filters on one id at a time: one call per prospect.
        var records = new List<ContactRecord>(ids.Count);
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Where(i => int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var (items, _) = await client.ListAsync("rest/v1/prospects?id=" + id, cancellationToken).ConfigureAwait(false);
            records.AddRange(items.Where(p => ProspectReader.Id(p) == id).Select(reader.Read));
        }

        return records;
    }

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count > Capabilities.WriteBatchSize)
        {
            throw new ArgumentException($"At most {Capabilities.WriteBatchSize} writes per batch.", nameof(operations));
        }

        return writes.ApplyAsync(operations, cancellationToken);
    }

    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        // Prospects hold no client reference and the listing cannot search by email; a lost create is among the newest
        // ids, so the listing is read highest id first until the email turns up.
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        for (var page = 1; ; page++)
        {
            var (items, _) = await client.ListAsync($"rest/v1/prospects?sort=-id&per_page={MaxPageSize}&page={page}", cancellationToken).ConfigureAwait(false);
            if (items.FirstOrDefault(p => string.Equals(Json.Text(p, "email")?.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase)) is { } found)
            {
                return reader.Read(found);
            }

            if (items.Count < MaxPageSize)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Subscribes <paramref name="url"/> (it holds the secret: Woodpecker posts without credentials, so
    /// <paramref name="user"/> and <paramref name="password"/> are unused) to the events that change a prospect's status;
    /// subscribing again never doubles deliveries. Returns the URL, Woodpecker's only name for a subscription.
    /// </summary>
    public Task<string> RegisterWebhookAsync(Uri url, string user, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        return webhooks.SubscribeAsync(url, cancellationToken);
    }

    /// <summary>Unsubscribes what <see cref="RegisterWebhookAsync"/> subscribed; a subscription already gone is not an error.</summary>
    public Task RemoveWebhookAsync(string webhookId, CancellationToken cancellationToken) => webhooks.UnsubscribeAsync(webhookId, cancellationToken);

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The feed's position before a listing: the newest second and the ids at it, from one page newest first.</summary>
    private async Task<FeedCursor> StartAsync(CancellationToken cancellationToken)
    {
        var (newest, _) = await client.ListAsync($"rest/v1/prospects?sort=-updated&per_page={FeedPageSize}&page=1", cancellationToken).ConfigureAwait(false);
        var cursor = new FeedCursor(DateTimeOffset.UnixEpoch, time.GetUtcNow(), new HashSet<string>(StringComparer.Ordinal), 0, []);
        if (newest.Count == 0)
        {
            return cursor;
        }

        var top = ProspectReader.Updated(newest[0]);
        if (newest.Count == FeedPageSize && ProspectReader.Updated(newest[^1]) == top)
        {
            // A whole page at one second: not every id at it is known, so the feed starts just before it (repeats are safe).
            return cursor with { At = top.AddSeconds(-1) };
        }

        return cursor.Advance(newest.Select(p => (ProspectReader.Id(p), ProspectReader.Updated(p))));
    }

    /// <summary>
    /// The prospects changed since the position, newest first, page by page until one reaches past it, and the prospect
    /// count Woodpecker gave with the first page. The first page is small (a quiet poll reads only it); when it does not
    /// reach past the position (many prospects share the cursor's second, as after an import), the rest is read in the
    /// largest pages, starting again at the top (the first page's prospects are read twice, never lost): 10,000 ties
    /// cost 11 calls instead of 100.
    /// </summary>
    private async Task<(List<JsonObject> Changed, int? Total)> ChangedSinceAsync(FeedCursor position, CancellationToken cancellationToken)
    {
        var changed = new List<JsonObject>();
        var seen = new HashSet<int>();
        int? total = null;
        var size = FeedPageSize;
        for (var page = 1; ; page++)
        {
            var (items, count) = await client.ListAsync($"rest/v1/prospects?sort=-updated&per_page={size}&page={page}", cancellationToken).ConfigureAwait(false);
            total ??= count;
            foreach (var prospect in items)
            {
                var at = ProspectReader.Updated(prospect);
                var delivered = at < position.At || (at == position.At && position.IdsAt.Contains(ProspectReader.Id(prospect)));
                if (!delivered && seen.Add(ProspectReader.NumericId(prospect)))
                {
                    changed.Add(prospect);
                }
            }

            if (items.Count < size || items.Any(p => ProspectReader.Updated(p) < position.At))
            {
                return (changed, total);
            }

            if (size == FeedPageSize)
            {
                size = MaxPageSize;
                page = 0;
            }
        }
    }

    /// <summary>Every prospect id, by id; listed again when the count says a deletion shifted a page.</summary>
    private async Task<HashSet<int>> ListIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<int>();
        for (var attempt = 1; ; attempt++)
        {
            ids.Clear();
            int? total = null;
            for (var page = 1; ; page++)
            {
                var (items, count) = await client.ListAsync($"rest/v1/prospects?sort=%2Bid&per_page={MaxPageSize}&page={page}", cancellationToken).ConfigureAwait(false);
                total ??= count;
                ids.UnionWith(items.Select(ProspectReader.NumericId));
                if (items.Count < MaxPageSize)
                {
                    break;
                }
            }

            if (total is null || ids.Count >= total || attempt == ListingAttempts)
            {
                return ids;
            }
        }
    }
}
