using System.Globalization;
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
    private const int PageSize = PersonFeed.PageSize;
    private const int IdsPerGet = 100;

    private readonly PipedriveClient client;
    private readonly ILogger logger;
    private readonly PersonReader reader;
    private readonly PersonFeed feed;
    private readonly PersonWrites writes;
    private CompanyDirectory? directory;

    internal PipedriveConnector(PipedriveClient client, TimeProvider time, ILogger logger)
    {
        this.client = client;
        this.logger = logger;
        reader = new PersonReader(logger);
        feed = new PersonFeed(client, time, logger, reader, DirectoryAsync);
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

    public IAsyncEnumerable<RecordPage> ListAllAsync(CancellationToken cancellationToken) => feed.ListAllAsync(cancellationToken);

    public Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken) => feed.ReadChangesAsync(cursor, cancellationToken);

    public IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("Pipedrive has a change feed (updated_since); versions are not listed.");

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var company = await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        var numeric = ids.Where(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Distinct(StringComparer.Ordinal).ToList();
        var records = new List<ContactRecord>(numeric.Count);
        foreach (var chunk in numeric.Chunk(IdsPerGet))
        {
            var answer = await client.GetAsync($"api/v2/persons?ids={string.Join(',', chunk)}&limit={PageSize}&{company.IncludeFields}", cancellationToken).ConfigureAwait(false);
            var persons = PersonFeed.Persons(answer);
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
            var answer = await client.GetAsync($"api/v2/persons?ids={string.Join(',', chunk)}&limit={PageSize}&{company.IncludeFields}", cancellationToken).ConfigureAwait(false);
            foreach (var person in PersonFeed.Persons(answer))
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

    private async Task<CompanyDirectory> DirectoryAsync(CancellationToken cancellationToken) =>
        directory ??= await CompanyDirectory.LoadAsync(client, cancellationToken).ConfigureAwait(false);
}
