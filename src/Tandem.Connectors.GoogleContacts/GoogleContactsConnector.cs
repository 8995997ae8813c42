using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.GoogleContacts.Internal;
using Tandem.Connectors.Http;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.GoogleContacts;

/// <summary>
/// One Google account's contacts over the People API v1: resource names as ids, etags as versions, sync
/// tokens as the change feed (tombstones as deletions), contact groups as tags. See <c>README.md</c>.
/// </summary>
public sealed class GoogleContactsConnector : IContactConnector
{
    private readonly PeopleClient client;
    private readonly AccessTokenCache tokens;
    private readonly HttpClient tokenHttp;
    private readonly PersonReader reader;
    private readonly ContactWrites writes;
    private readonly ILogger logger;
    private GroupDirectory? groups;

    internal GoogleContactsConnector(PeopleClient client, AccessTokenCache tokens, HttpClient tokenHttp, string? defaultRegion, ILogger logger)
    {
        this.client = client;
        this.tokens = tokens;
        this.tokenHttp = tokenHttp;
        this.logger = logger;
        reader = new PersonReader(defaultRegion, new PhotoDownloads(tokenHttp));
        writes = new ContactWrites(client, reader, logger);
    }

    public ConnectorCapabilities Capabilities => GoogleContactsConnectorFactory.Capabilities;

    public async Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken)
    {
        // userDefined keys are free text per contact: the schema offers every key in use.
        var keys = new List<string>();
        string? pageToken = null;
        do
        {
            var page = await client.ScanConnectionsAsync(1000, pageToken, "userDefined", cancellationToken).ConfigureAwait(false);
            keys.AddRange(PersonReader.Items(page, "connections").SelectMany(p => PersonReader.Items(p, "userDefined")).Select(u => PersonReader.Text(u, "key")).OfType<string>());
            pageToken = PersonReader.Text(page, "nextPageToken");
        }
        while (pageToken is not null);
        return GoogleSchema.Build(keys);
    }

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? pageToken = null;
        while (true)
        {
            var page = await client.ListConnectionsAsync(Capabilities.ReadBatchSize, null, pageToken, PeopleClient.PersonFields, cancellationToken).ConfigureAwait(false);
            var persons = PersonReader.Items(page, "connections").Where(p => !PersonReader.IsTombstone(p)).ToList();
            var directory = await GroupsForAsync(persons, cancellationToken).ConfigureAwait(false);
            var records = await reader.ReadAsync(persons, directory, cancellationToken).ConfigureAwait(false);
            pageToken = PersonReader.Text(page, "nextPageToken");
            if (pageToken is null)
            {
                // The token Google gives on the last page covers everything changed since the listing began.
                yield return new RecordPage(records, PersonReader.Text(page, "nextSyncToken") ?? throw new PeopleApiException("Google ended the listing without a sync token."));
                yield break;
            }

            yield return new RecordPage(records);
        }
    }

    public async Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken)
    {
        var position = FeedCursor.Parse(cursor);
        JsonObject page;
        try
        {
            page = await client.ListConnectionsAsync(Capabilities.ReadBatchSize, position.SyncToken, position.PageToken, PeopleClient.PersonFields, cancellationToken).ConfigureAwait(false);
        }
        catch (PeopleApiException ex) when (ex.Reason == "EXPIRED_SYNC_TOKEN")
        {
            GoogleContactsLog.SyncTokenExpired(logger);
            throw new CursorExpiredException("Google's sync token expired; a full rescan is needed.", ex);
        }

        var persons = PersonReader.Items(page, "connections").ToList();
        var deleted = persons.Where(PersonReader.IsTombstone).Select(PersonReader.ResourceName).ToList();
        var live = persons.Where(p => !PersonReader.IsTombstone(p)).ToList();
        var directory = await GroupsForAsync(live, cancellationToken).ConfigureAwait(false);
        var changed = await reader.ReadAsync(live, directory, cancellationToken).ConfigureAwait(false);

        // A contact linked to a profile can come back under a new resource name: its pair follows it (the old name may
        // also come as deleted), so it is neither a deletion nor a new contact.
        var renamed = live.SelectMany(p => PersonReader.PreviousResourceNames(p).Select(old => new RecordMerge(old, PersonReader.ResourceName(p)))).ToList();
        if (PersonReader.Text(page, "nextPageToken") is { } next)
        {
            return new ChangePage(changed, deleted, new FeedCursor(position.SyncToken, next).ToString(), HasMore: true) { Merges = renamed };
        }

        var syncToken = PersonReader.Text(page, "nextSyncToken") ?? throw new PeopleApiException("Google ended the changes without a sync token.");
        return new ChangePage(changed, deleted, syncToken, HasMore: false) { Merges = renamed };
    }

    public IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("Google Contacts has a change feed (sync tokens); versions are not listed.");

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var records = new List<ContactRecord>(ids.Count);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(PeopleClient.MaxBatchGet))
        {
            var response = await client.BatchGetAsync(chunk, cancellationToken).ConfigureAwait(false);
            var persons = PersonReader.Items(response, "responses")
                .Select(r => r["person"] as JsonObject)
                .OfType<JsonObject>()
                .Where(p => !PersonReader.IsTombstone(p))
                .ToList();
            var directory = await GroupsForAsync(persons, cancellationToken).ConfigureAwait(false);
            records.AddRange(await reader.ReadAsync(persons, directory, cancellationToken).ConfigureAwait(false));
        }

        return records;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count > Capabilities.WriteBatchSize)
        {
            throw new ArgumentException($"At most {Capabilities.WriteBatchSize} writes per batch.", nameof(operations));
        }

        var directory = await GroupsAsync(cancellationToken).ConfigureAwait(false);
        return await writes.ApplyAsync(operations, directory, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        // The People API cannot search clientData, so the listing is scanned; lost creates are rare.
        var directory = await GroupsAsync(cancellationToken).ConfigureAwait(false);
        string? pageToken = null;
        do
        {
            var page = await client.ScanConnectionsAsync(1000, pageToken, PeopleClient.PersonFields, cancellationToken).ConfigureAwait(false);
            foreach (var person in PersonReader.Items(page, "connections"))
            {
                if (PersonReader.Items(person, "clientData").Any(c => PersonReader.Text(c, "key") == GoogleFieldKeys.ClientReferenceKey && PersonReader.Text(c, "value") == clientReference))
                {
                    return (await reader.ReadAsync([person], directory, cancellationToken).ConfigureAwait(false))[0];
                }
            }

            pageToken = PersonReader.Text(page, "nextPageToken");
        }
        while (pageToken is not null);
        return null;
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        tokens.Dispose();
        tokenHttp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<GroupDirectory> GroupsAsync(CancellationToken cancellationToken) =>
        groups ??= await GroupDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The groups, read (once per connector) only when one of these persons is in a group the directory cannot name:
    /// contacts only in system groups (My Contacts, Starred) need no read, so reading them costs their listing calls alone.
    /// </summary>
    private async Task<GroupDirectory> GroupsForAsync(IEnumerable<JsonObject> persons, CancellationToken cancellationToken) =>
        groups ?? (persons.Any(GroupDirectory.NamesUserGroup) ? await GroupsAsync(cancellationToken).ConfigureAwait(false) : GroupDirectory.Empty);
}
