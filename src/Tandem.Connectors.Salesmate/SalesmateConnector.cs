using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Salesmate.Internal;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Salesmate;

/// <summary>
/// One Salesmate account's contacts over the v4 API: contact ids as ids, <c>lastModifiedAt</c> as version, and a version
/// listing as the change feed. Salesmate documents no deleted-record feed, so deletions can only be seen as contacts
/// missing from a complete listing: each poll lists every contact's id and <c>lastModifiedAt</c> (a search showing two
/// fields, 250 a call) and the engine reads the contacts whose version moved. See <c>README.md</c>.
/// </summary>
public sealed class SalesmateConnector : IContactConnector
{
    /// <summary>The cursor of a version-listing app says only "listed once".</summary>
    internal const string ListedCursor = "versions";

    private static readonly JsonArray VersionFields = ["contact.lastModifiedAt"];

    private readonly SalesmateClient client;
    private readonly string? ownerSetting;
    private readonly ILogger logger;
    private readonly ContactReader reader;
    private readonly ContactWrites writes;
    private readonly ContactListing listing;
    private readonly ContactsById byId;
    private AccountDirectory? account;

    internal SalesmateConnector(SalesmateClient client, string? ownerSetting, ILogger logger)
    {
        this.client = client;
        this.ownerSetting = ownerSetting;
        this.logger = logger;
        reader = new ContactReader(logger);
        byId = new ContactsById(client);
        writes = new ContactWrites(client, reader, byId, logger);
        listing = new ContactListing(client, logger);
    }

    public ConnectorCapabilities Capabilities => SalesmateConnectorFactory.Capabilities;

    public async Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken)
    {
        // Always read fresh: an admin adds custom fields in Salesmate's setup at any time.
        account = await AccountDirectory.LoadAsync(client, ownerSetting, logger, cancellationToken).ConfigureAwait(false);
        return SalesmateSchema.Build(account.Custom);
    }

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var directory = await AccountAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var (rows, last) in listing.PagesAsync(directory.DisplayingFields(), cancellationToken).ConfigureAwait(false))
        {
            yield return new RecordPage([.. rows.Select(r => reader.Read(r, directory))], last ? ListedCursor : null);
        }
    }

    public Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Salesmate's changes are found by version listings (deletions need a complete listing).");

    public async IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (rows, _) in listing.PagesAsync(VersionFields, cancellationToken).ConfigureAwait(false))
        {
            yield return [.. rows.Select(r => new RecordVersion(ContactReader.Id(r), ContactReader.Version(r) ?? string.Empty))];
        }
    }

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var directory = await AccountAsync(cancellationToken).ConfigureAwait(false);
        var wanted = ids.Where(IsContactId).Distinct(StringComparer.Ordinal).ToList();

        // Salesmate has no batch get: several contacts are read by one search on their ids (250 a call), one alone by
        // its get. One the search misses is read alone; one Salesmate no longer finds is left out (never a deletion).
        var found = wanted.Count > 1 ? await byId.ReadAsync(wanted, directory.DisplayingFields(), cancellationToken).ConfigureAwait(false) : [];
        var records = found.Values.Select(r => reader.Read(r, directory)).ToList();
        foreach (var id in wanted.Where(id => !found.ContainsKey(id)))
        {
            try
            {
                records.Add(reader.Read(await writes.GetAsync(id, cancellationToken).ConfigureAwait(false), directory));
            }
            catch (SalesmateApiException ex) when (ex.IsObjectNotFound)
            {
            }
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

        var directory = await AccountAsync(cancellationToken).ConfigureAwait(false);
        return await writes.ApplyAsync(operations, directory, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        // Contacts hold no client reference, so a lost create is found by its email: the newest contact with it.
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var search = new JsonObject
        {
            ["displayingFields"] = new JsonArray("contact.email"),
            ["filterQuery"] = new JsonObject
            {
                ["group"] = new JsonObject
                {
                    ["operator"] = "AND",
                    ["rules"] = new JsonArray(new JsonObject { ["moduleName"] = "Contact", ["field"] = new JsonObject { ["fieldName"] = "email" }, ["condition"] = "EQUALS", ["data"] = email.Trim() }),
                },
            },
            ["moduleId"] = 1,
            ["reportType"] = "get_data",
            ["sort"] = new JsonObject { ["fieldName"] = "id", ["order"] = "desc" },
        };
        var found = await client.SearchAsync("contact", search, 1, 0, listing: false, cancellationToken).ConfigureAwait(false);
        return found.Select(r => JsonFields.Int(r, "id")).FirstOrDefault() is { } id
            ? (await GetAsync([id.ToString(CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false)).FirstOrDefault()
            : null;
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool IsContactId(string id) => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private async Task<AccountDirectory> AccountAsync(CancellationToken cancellationToken) =>
        account ??= await AccountDirectory.LoadAsync(client, ownerSetting, logger, cancellationToken).ConfigureAwait(false);
}
