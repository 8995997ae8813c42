using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Mailchimp.Internal;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp;

/// <summary>
/// One Mailchimp audience's members over Marketing API v3: <c>contact_id</c> as id, a content hash as version,
/// <c>since_last_changed</c> polling with a tie-safe cursor as the change feed (archived members as deletions), merge
/// fields and groups (interest categories) as fields, tags as tags, unsubscribed and cleaned members as unsubscribes,
/// transactional ones as never subscribed, batch writes of up to 500; registers its list webhook and creates merge
/// fields. See <c>README.md</c>.
/// </summary>
public sealed class MailchimpConnector : IContactConnector, IWebhookRegistrar, IFieldCreator
{
    /// <summary>
    /// Permanently deleted members leave no trace in the feed, so a cursor whose complete listing is older than this is
    /// expired: the full rescan that follows is the only way to notice them.
    /// </summary>
    internal static readonly TimeSpan RescanInterval = TimeSpan.FromDays(7);

    private readonly MailchimpClient client;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly MemberReader reader;
    private readonly MemberFeed feed;
    private readonly MemberWrites writes;
    private readonly AudienceSchemaCache schema;
    private readonly ListWebhooks webhooks;
    private readonly MergeFieldCreator fieldCreator;

    internal MailchimpConnector(MailchimpClient client, string newMemberStatus, TimeProvider time, ILogger logger)
    {
        this.client = client;
        this.time = time;
        this.logger = logger;
        reader = new MemberReader(logger);
        feed = new MemberFeed(client);
        schema = new AudienceSchemaCache(client);
        webhooks = new ListWebhooks(client);
        fieldCreator = new MergeFieldCreator(client, schema);
        writes = new MemberWrites(client, reader, logger, newMemberStatus);
    }

    public ConnectorCapabilities Capabilities => MailchimpConnectorFactory.Capabilities;

    public async Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken) =>
        (await schema.RefreshAsync(cancellationToken).ConfigureAwait(false)).ToAppSchema();

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var archived = await feed.NewestArchivedAsync(cancellationToken).ConfigureAwait(false);

        // The listing is the change feed read from the beginning of time: keyset pages by last_changed, so a member
        // changed during the listing moves ahead and is read again rather than shifting another out of its page.
        var cursor = FeedCursor.Start(time.GetUtcNow());
        while (true)
        {
            var (members, more) = await feed.ReadAsync(cursor, archived: false, cancellationToken).ConfigureAwait(false);
            cursor = cursor.Advance(members.Select(m => (MemberReader.Id(m), MemberReader.LastChanged(m))));
            var fields = await schema.CoveringAsync(members, cancellationToken).ConfigureAwait(false);
            var records = members.Select(m => reader.Read(m, fields)).ToList();
            if (!more)
            {
                yield return new RecordPage(records, cursor.Advance(archived).ToString());
                yield break;
            }

            yield return new RecordPage(records);
        }
    }

    public async Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken)
    {
        var position = Parse(cursor);
        var age = time.GetUtcNow() - position.ListedAt;
        if (age >= RescanInterval)
        {
            MailchimpLog.RescanDue(logger, (int)age.TotalDays);
            throw new CursorExpiredException("The last complete Mailchimp listing is a week old; a full rescan notices permanently deleted members.");
        }

        var (live, liveMore) = await feed.ReadAsync(position, archived: false, cancellationToken).ConfigureAwait(false);
        var (archived, archivedMore) = await feed.ReadAsync(position, archived: true, cancellationToken).ConfigureAwait(false);

        // Both reads are complete up to the newest second of a read that has more; later members wait for the next page.
        var horizon = new[] { (liveMore, live), (archivedMore, archived) }
            .Where(r => r.Item1 && r.Item2.Count > 0)
            .Select(r => (DateTimeOffset?)r.Item2.Max(MemberReader.LastChanged))
            .Min();
        bool Within(JsonObject m) => horizon is null || MemberReader.LastChanged(m) <= horizon;
        var changed = live.Where(Within).ToList();
        var deleted = archived.Where(Within).ToList();
        var fields = await schema.CoveringAsync(changed, cancellationToken).ConfigureAwait(false);
        var next = position.Advance(changed.Select(m => (MemberReader.Id(m), MemberReader.LastChanged(m)))
            .Concat(deleted.Select(m => (FeedCursor.ArchivedMark + MemberReader.Id(m), MemberReader.LastChanged(m))))
            .OrderBy(s => s.Item2));
        return new ChangePage(
            changed.Select(m => reader.Read(m, fields)).ToList(),
            deleted.Select(MemberReader.Id).Distinct(StringComparer.Ordinal).ToList(),
            next.ToString(),
            HasMore: liveMore || archivedMore);
    }

    public IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("Mailchimp has a change feed (since_last_changed); versions are not listed.");

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new JsonObject?[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MailchimpClient.MaxConnections, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    var member = await client.GetAsync($"lists/{client.AudienceId}/members/{Uri.EscapeDataString(ids[i])}", ct).ConfigureAwait(false);
                    found[i] = Json.Text(member, "status") == "archived" ? null : member;
                }
                catch (MailchimpApiException ex) when (ex.Status == 404)
                {
                    found[i] = null;
                }
            }).ConfigureAwait(false);
        var members = found.OfType<JsonObject>().ToList();
        var fields = await schema.CoveringAsync(members, cancellationToken).ConfigureAwait(false);
        return members.Select(m => reader.Read(m, fields)).DistinctBy(r => r.Id).ToList();
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count > Capabilities.WriteBatchSize)
        {
            throw new ArgumentException($"At most {Capabilities.WriteBatchSize} writes per batch.", nameof(operations));
        }

        return await writes.ApplyAsync(operations, schema, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        // Members hold no client reference, but an email names exactly one member of the audience.
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        return (await GetAsync([SubscriberHash.Of(email)], cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>Text, number, date, phone, URL, address and single choice (a dropdown merge field).</summary>
    public IReadOnlyList<FieldType> CreatableFieldTypes => MergeFieldCreator.Types;

    /// <summary>Adds a merge field; Mailchimp gives it a tag (<c>MMERGE&lt;n&gt;</c>), so its key is <c>merge.MMERGE&lt;n&gt;</c> unless its name is a well-known one.</summary>
    public Task<FieldDefinition> CreateFieldAsync(string label, FieldType type, IReadOnlyList<string> options, CancellationToken cancellationToken) =>
        fieldCreator.CreateAsync(label, type, options, cancellationToken);

    /// <summary>
    /// Registers a list webhook on the audience for member events (subscribe, unsubscribe, profile, cleaned, upemail)
    /// from every source, replacing webhooks already on <paramref name="url"/>. Mailchimp cannot authenticate its
    /// deliveries (no HTTP auth, no signature): <paramref name="user"/> and <paramref name="password"/> are ignored, and
    /// the secret must be part of <paramref name="url"/>. Mailchimp checks the URL with a GET first, so the endpoint must
    /// answer it before this is called.
    /// </summary>
    public Task<string> RegisterWebhookAsync(Uri url, string user, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        return webhooks.RegisterAsync(url, cancellationToken);
    }

    /// <summary>Removes a webhook <see cref="RegisterWebhookAsync"/> made; one already gone is not an error.</summary>
    public Task RemoveWebhookAsync(string webhookId, CancellationToken cancellationToken) => webhooks.RemoveAsync(webhookId, cancellationToken);

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static FeedCursor Parse(string cursor)
    {
        try
        {
            return FeedCursor.Parse(cursor);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new CursorExpiredException("The saved Mailchimp cursor is not readable; a full rescan is needed.", ex);
        }
    }
}
