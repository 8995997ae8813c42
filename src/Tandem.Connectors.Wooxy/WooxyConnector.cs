using System.Text;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Wooxy.Internal;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Wooxy;

/// <summary>
/// One Wooxy contact list, write-only: Wooxy's API has no listing of contacts and no "changed since", so the connector
/// lists nothing and the engine never waits for a feed from it (<see cref="ChangeFeedKind.None"/>). Contacts are looked
/// up by their identifier (email, phone number or user ID) and written through asynchronous requests whose per-contact
/// results come later from <c>request/find</c>; a request still pending is unknown until settled, never sent again.
/// </summary>
internal sealed class WooxyConnector : IContactConnector, IFieldCreator
{
    private readonly WooxyClient client;
    private readonly WooxySettings settings;
    private readonly RequestSettlement settlement;
    private (string Id, AppSchema Schema)? list;

    public WooxyConnector(WooxyClient client, WooxySettings settings, IReadOnlyList<TimeSpan> settlementPauses, TimeProvider time)
    {
        this.client = client;
        this.settings = settings;
        settlement = new RequestSettlement(client, settlementPauses, time);
    }

    public ConnectorCapabilities Capabilities => WooxyConnectorFactory.Capabilities;

    /// <summary>
    /// Wooxy creates two kinds of variable through the API, string and date (<c>ENUM_STRING</c>, <c>ENUM_DATE</c>); a
    /// field of another kind gets a string variable, as Wooxy's own Pipedrive integration does (numbers and choices as
    /// text, multiple options in one value separated by commas, a date and time as text).
    /// </summary>
    public IReadOnlyList<FieldType> CreatableFieldTypes { get; } =
    [
        FieldType.Text, FieldType.Date, FieldType.Number, FieldType.Boolean, FieldType.SingleChoice, FieldType.MultipleChoice,
        FieldType.DateTime, FieldType.Money, FieldType.Email, FieldType.Phone, FieldType.Url,
    ];

    /// <summary>The <c>request/find</c> calls this connector made.</summary>
    public int SettlementPolls => settlement.Polls;

    public async Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken) => (await ListAsync(cancellationToken).ConfigureAwait(false)).Schema;

    public IAsyncEnumerable<RecordPage> ListAllAsync(CancellationToken cancellationToken) => throw WriteOnly();

    public Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken) => throw WriteOnly();

    public IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken) => throw WriteOnly();

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var writes = await WritesAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<ContactRecord>();
        foreach (var id in ids)
        {
            if (await writes.ReadAsync(id, cancellationToken).ConfigureAwait(false) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken) =>
        await (await WritesAsync(cancellationToken).ConfigureAwait(false)).ApplyAsync(operations, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A create named by its pending request is settled from Wooxy's answer about that request: still pending throws
    /// <see cref="WritePendingException"/>, processed gives the contact (or null when Wooxy refused it). Otherwise (an
    /// answer lost before Wooxy named the request) the contact is looked up by its email.
    /// </summary>
    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        var writes = await WritesAsync(cancellationToken).ConfigureAwait(false);
        if (PendingReference.Parse(clientReference) is var (requestId, recordId))
        {
            var found = await settlement.FindAsync([requestId], cancellationToken).ConfigureAwait(false);
            if (found.TryGetValue(requestId, out var outcome))
            {
                if (!outcome.Processed)
                {
                    throw new WritePendingException("Wooxy is still processing the request that adds this contact.");
                }

                var ids = ContactIds.FromRecordId(recordId);
                return outcome.Success.Any(ids.Matches) ? await writes.ReadAsync(recordId, cancellationToken).ConfigureAwait(false) : null;
            }

            // Wooxy keeps requests seven days: an older one is settled by looking the contact up.
            return await writes.ReadAsync(recordId, cancellationToken).ConfigureAwait(false);
        }

        return email is null ? null : await writes.ReadAsync("email:" + email, cancellationToken).ConfigureAwait(false);
    }

    public async Task<FieldDefinition> CreateFieldAsync(string label, FieldType type, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!CreatableFieldTypes.Contains(type))
        {
            throw new ConnectorException("Wooxy variables hold text or a date, and this kind of field cannot be written as either.");
        }

        var (wooxyType, created) = type == FieldType.Date ? ("ENUM_DATE", FieldType.Date) : ("ENUM_STRING", FieldType.Text);
        var name = VariableName(label);
        if (name.Length == 0)
        {
            throw new ConnectorException("Wooxy names variables with latin letters only, and this name has none.");
        }

        var (listId, schema) = await ListAsync(cancellationToken).ConfigureAwait(false);
        if (schema.Find(WooxySchema.VariablePrefix + name) is { } existing)
        {
            throw new ConnectorException($"The Wooxy list already has a variable called {existing.Label}.");
        }

        await client.AddVariableAsync(listId, name, wooxyType, cancellationToken).ConfigureAwait(false);
        list = null;
        return new FieldDefinition(WooxySchema.VariablePrefix + name, name, created) { IsCustom = true };
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Wooxy's variable names are latin lowerCamelCase, no digits or other signs: "Deal value 2" becomes "dealValue".</summary>
    internal static string VariableName(string label)
    {
        var words = System.Text.RegularExpressions.Regex.Split(label, @"[^\p{L}]+")
            .Select(w => new string([.. w.Where(char.IsAsciiLetter)]))
            .Where(w => w.Length > 0)
            .ToList();
        var name = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].ToLowerInvariant();
            name.Append(i == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..]);
        }

        return name.ToString();
    }

    private static NotSupportedException WriteOnly() => new("Wooxy's API lists no contacts and reports no changes: it is only written to.");

    private async Task<ContactWrites> WritesAsync(CancellationToken cancellationToken)
    {
        var (listId, schema) = await ListAsync(cancellationToken).ConfigureAwait(false);
        return new ContactWrites(client, settlement, listId, schema, settings.DefaultRegion);
    }

    /// <summary>The chosen list (found by name on the domain with <c>contact-list/find</c>) and its fields.</summary>
    private async Task<(string Id, AppSchema Schema)> ListAsync(CancellationToken cancellationToken)
    {
        if (list is { } known)
        {
            return known;
        }

        var found = await client.FindListsAsync(settings.Domain, settings.ContactList, cancellationToken).ConfigureAwait(false);
        var match = JsonFields.Items(found, "data").FirstOrDefault(l => string.Equals(JsonFields.Text(l, "contactListName"), settings.ContactList, StringComparison.Ordinal))
            ?? throw new ConnectorException($"Wooxy has no contact list called \"{settings.ContactList}\" on the domain {settings.Domain}; check the Contact list setting.");
        var id = JsonFields.Text(match, "contactListId") ?? throw new ConnectorException("Wooxy listed a contact list without its id.");
        var full = await client.GetListAsync(id, cancellationToken).ConfigureAwait(false);
        var schema = WooxySchema.Of(full["data"] as JsonObject ?? match);
        list = (id, schema);
        return (id, schema);
    }
}
