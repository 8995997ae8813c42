using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Connectors.InMemory.Internal;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.InMemory;

/// <summary>
/// The state of one simulated app account: records by id, a change sequence that grows with every
/// write, tombstones, a schema and capabilities. Thread-safe: any number of
/// <see cref="InMemoryConnector"/>s may open it, like several API clients on one account. The test acts
/// as the app's user through the methods here ("outside edits", never counted in <see cref="Calls"/>),
/// and scripts faults through <see cref="Faults"/>.
/// </summary>
public sealed class InMemoryApp
{
    private readonly ContactStore store;
    private AppSchema schema;
    private ConnectorCapabilities capabilities;
    private IReadOnlyList<FieldType> creatableFieldTypes;

    public InMemoryApp(InMemoryAppOptions? options = null)
    {
        options ??= new InMemoryAppOptions();
        Name = options.Name;
        StoresClientReference = options.StoresClientReference;
        FeedNamesVersionsOnly = options.FeedNamesVersionsOnly;
        schema = options.Schema ?? InMemorySchemaBuilder.DefaultSchema();
        capabilities = options.Capabilities ?? InMemoryCapabilities.Crm;
        creatableFieldTypes = options.CreatableFieldTypes;
        store = new ContactStore(options.IdPrefix);
        Roller = new FaultRoller(Faults, options.Random ?? new Random(options.Seed));
    }

    public string Name { get; }

    /// <summary>See <see cref="InMemoryAppOptions.StoresClientReference"/>.</summary>
    public bool StoresClientReference { get; }

    /// <summary>See <see cref="InMemoryAppOptions.FeedNamesVersionsOnly"/>.</summary>
    public bool FeedNamesVersionsOnly { get; }

    /// <summary>The app's schema; replace it (or <see cref="AddField"/>) to simulate a user adding custom fields.</summary>
    public AppSchema Schema
    {
        get { lock (Gate) { return schema; } }
        set { lock (Gate) { schema = value; } }
    }

    /// <summary>What the app can do; connectors read it on every call, so a test may change it between calls.</summary>
    public ConnectorCapabilities Capabilities
    {
        get { lock (Gate) { return capabilities; } }
        set { lock (Gate) { capabilities = value; } }
    }

    /// <summary>The types a connector may create a custom field of (<see cref="IFieldCreator"/>); empty: none.</summary>
    public IReadOnlyList<FieldType> CreatableFieldTypes
    {
        get { lock (Gate) { return creatableFieldTypes; } }
        set { lock (Gate) { creatableFieldTypes = value; } }
    }

    public InMemoryFaults Faults { get; } = new();

    public InMemoryCallCounters Calls { get; } = new();

    /// <summary>The sequence of the latest write; the cursor a listing started now would return.</summary>
    public long CurrentSequence
    {
        get { lock (Gate) { return store.Sequence; } }
    }

    /// <summary>Live records.</summary>
    public int Count
    {
        get { lock (Gate) { return store.Count; } }
    }

    internal Lock Gate { get; } = new();

    internal ContactStore Store => store;

    internal FaultRoller Roller { get; }

    /// <summary>A connector over this app (what <see cref="InMemoryConnectorFactory"/> creates).</summary>
    public InMemoryConnector Connect() => new(this);

    public ContactRecord? Get(string id)
    {
        lock (Gate)
        {
            return store.Get(id);
        }
    }

    /// <summary>True once the record was deleted (through a connector or by the user).</summary>
    public bool IsDeleted(string id)
    {
        lock (Gate)
        {
            return store.IsDeleted(id);
        }
    }

    /// <summary>Every live record, in creation order (for assertions; O(n)).</summary>
    public IReadOnlyList<ContactRecord> Snapshot()
    {
        lock (Gate)
        {
            return store.Snapshot();
        }
    }

    /// <summary>Live records holding this email (normalised), most recently created first.</summary>
    public IReadOnlyList<ContactRecord> FindByEmail(string email)
    {
        var canonical = Values.Create(FieldType.Email, email)?.Text;
        lock (Gate)
        {
            return canonical is null ? [] : store.FindByEmail(canonical);
        }
    }

    /// <summary>The user creates a contact. Fields must exist in the schema with the right type (read-only ones allowed).</summary>
    public ContactRecord Create(ImmutableDictionary<string, FieldValue> fields, IEnumerable<string>? tags = null, bool unsubscribed = false)
    {
        ArgumentNullException.ThrowIfNull(fields);
        lock (Gate)
        {
            foreach (var (key, value) in fields)
            {
                ThrowIfInvalid(key, value);
            }

            var tagSet = ImmutableSortedSet.CreateRange(StringComparer.Ordinal, tags ?? []);
            return store.Insert(fields, tagSet, unsubscribed, clientReference: null);
        }
    }

    /// <summary>The user creates a person by name and email, in whichever name fields the schema has.</summary>
    public ContactRecord CreatePerson(string firstName, string lastName, string? email = null)
    {
        var current = Schema;
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        if (current.FindRole(FieldRole.FirstName) is { } first)
        {
            fields[first.Key] = Values.Text(firstName);
        }

        if (current.FindRole(FieldRole.LastName) is { } last)
        {
            fields[last.Key] = Values.Text(lastName);
        }

        if (current.FindRole(FieldRole.FullName) is { } full)
        {
            fields[full.Key] = Values.Text(firstName + " " + lastName);
        }

        if (email is not null && current.FindRole(FieldRole.Emails) is { } emails)
        {
            var value = Values.Email(email);
            fields[emails.Key] = emails.IsList ? SampleContacts.List(value) : value;
        }

        return Create(fields.ToImmutable());
    }

    /// <summary>The user edits fields (a null value clears one). The record gets a new version even when nothing changed.</summary>
    public ContactRecord Update(string id, params IEnumerable<FieldChange> changes)
    {
        lock (Gate)
        {
            var current = Require(id);
            var list = changes.ToList();
            foreach (var change in list)
            {
                ThrowIfInvalid(change.Key, change.Value);
            }

            return store.Replace(WithChanges(current, list));
        }
    }

    /// <summary>The user sets (or, with null, clears) one field.</summary>
    public ContactRecord Set(string id, string key, FieldValue? value) => Update(id, new FieldChange(key, value));

    /// <summary>The user deletes a contact; a tombstone enters the change feed.</summary>
    public void Delete(string id)
    {
        lock (Gate)
        {
            _ = Require(id);
            store.Delete(id);
        }
    }

    /// <summary>The contact unsubscribes from marketing.</summary>
    public ContactRecord Unsubscribe(string id) => Edit(id, r => r with { IsUnsubscribed = true });

    /// <summary>The contact opts in again (only a person can do this; Tandem never does).</summary>
    public ContactRecord Resubscribe(string id) => Edit(id, r => r with { IsUnsubscribed = false });

    /// <summary>The contact is in the app without ever having subscribed (a transactional contact).</summary>
    public ContactRecord MarkNeverSubscribed(string id) => Edit(id, r => r with { IsUnsubscribed = false, NeverSubscribed = true });

    public ContactRecord AddTag(string id, string tag) => Edit(id, r => r with { Tags = r.Tags.Add(tag) });

    public ContactRecord RemoveTag(string id, string tag) => Edit(id, r => r with { Tags = r.Tags.Remove(tag) });

    /// <summary>A new version and a new place in the change feed with the same content, as flaky etags do.</summary>
    public ContactRecord Touch(string id) => Edit(id, r => r);

    /// <summary>
    /// The app stops accepting every cursor issued so far and forgets its tombstones, as sync tokens
    /// that expire after a week do: the next change-feed call with an old cursor throws
    /// <see cref="CursorExpiredException"/>.
    /// </summary>
    public void ExpireCursors()
    {
        lock (Gate)
        {
            store.ExpireCursors();
        }
    }

    /// <summary>The user adds a field to the schema (a new custom field appears on refresh).</summary>
    public void AddField(FieldDefinition field)
    {
        lock (Gate)
        {
            schema = new AppSchema(schema.Fields.Append(field));
        }
    }

    /// <summary>
    /// Bulk-creates <paramref name="count"/> records under one lock, cheaply enough for 200,000.
    /// Fields come from <paramref name="fieldsFor"/> (given the index from 0), by default
    /// <see cref="SampleContacts.For"/>; they are trusted, not validated. Returns the new ids in order.
    /// </summary>
    public IReadOnlyList<string> Seed(int count, Func<int, ImmutableDictionary<string, FieldValue>>? fieldsFor = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = Schema;
        fieldsFor ??= i => SampleContacts.For(i, current);
        var drafts = new ImmutableDictionary<string, FieldValue>[count];
        for (var i = 0; i < count; i++)
        {
            drafts[i] = fieldsFor(i);
        }

        var noTags = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
        var ids = new string[count];
        lock (Gate)
        {
            for (var i = 0; i < count; i++)
            {
                ids[i] = store.Insert(drafts[i], noTags, unsubscribed: false, clientReference: null).Id;
            }
        }

        return ids;
    }

    /// <summary>The record with <paramref name="changes"/> applied (null values remove the field).</summary>
    internal static ContactRecord WithChanges(ContactRecord current, IReadOnlyList<FieldChange> changes)
    {
        if (changes.Count == 0)
        {
            return current;
        }

        var fields = current.Fields.ToBuilder();
        foreach (var change in changes)
        {
            if (change.Value is null)
            {
                fields.Remove(change.Key);
            }
            else
            {
                // Removed first: a dictionary keeps the old value when the new one is equal, and lists are equal
                // whichever entry is primary, so a change of only the primary entry would be lost.
                fields.Remove(change.Key);
                fields[change.Key] = change.Value;
            }
        }

        return current with { Fields = fields.ToImmutable() };
    }

    private ContactRecord Edit(string id, Func<ContactRecord, ContactRecord> edit)
    {
        lock (Gate)
        {
            return store.Replace(edit(Require(id)));
        }
    }

    private ContactRecord Require(string id) =>
        store.Get(id) ?? throw new KeyNotFoundException($"The app '{Name}' has no record '{id}'.");

    private void ThrowIfInvalid(string key, FieldValue? value)
    {
        if (SchemaCheck.Problem(schema, key, value, allowReadOnly: true) is { } problem)
        {
            throw new ArgumentException(problem, nameof(value));
        }
    }
}
