using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// One app of a pair under test: its sandbox (or folder) and connector, and a user of that app who adds, edits,
/// deletes and unsubscribes contacts. The user acts through a connector of its own, as another client of the same
/// account would; what the engine sees is only what the app's API (or folder) shows afterwards.
/// </summary>
public abstract class AppSide : IAsyncDisposable
{
    private int references;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app key, for messages.</summary>
    public abstract string App { get; }

    /// <summary>Whether the app says when a contact unsubscribed (Pipedrive marketing status, Mailchimp status).</summary>
    public virtual bool DetectsUnsubscribes => false;

    /// <summary>A plain text field the default mapping of every pair carries both ways, and a second one.</summary>
    public virtual (string First, string Second) TextFields => (StandardFieldKeys.Title, StandardFieldKeys.Note);

    public abstract Task StartAsync();

    /// <summary>A new connector on the app, as the engine gets one per run.</summary>
    public abstract IContactConnector Connect();

    /// <summary>Lets the app's clock move on before a user acts, where the app keeps time in whole seconds.</summary>
    public virtual void Later()
    {
    }

    public async Task<string> AddAsync(string first, string last, string email, params (string Key, FieldValue Value)[] more)
    {
        Later();
        var fields = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            [StandardFieldKeys.FirstName] = Values.Text(first),
            [StandardFieldKeys.LastName] = Values.Text(last),
            [StandardFieldKeys.Emails] = EmailValue(email),
        }).SetItems(more.Select(m => KeyValuePair.Create(m.Key, m.Value)));
        var reference = "user-" + Interlocked.Increment(ref references);
        var result = await WriteOneAsync(new CreateOperation("user-create-" + reference, reference, fields, ImmutableSortedSet<string>.Empty));
        return result.Record!.Id;
    }

    /// <summary>Adds <paramref name="count"/> contacts (<c>bulk.{i}@example.com</c>) in batches as large as the app takes.</summary>
    public async Task<IReadOnlyList<string>> AddManyAsync(int count)
    {
        Later();
        await using var connector = Connect();
        var ids = new List<string>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(connector.Capabilities.WriteBatchSize))
        {
            var results = await connector.WriteAsync([.. chunk.Select(i => (WriteOperation)new CreateOperation("bulk-" + i, "bulk-" + i, ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
            {
                [StandardFieldKeys.FirstName] = Values.Text("Bulk"),
                [StandardFieldKeys.LastName] = Values.Text("Contact " + i),
                [StandardFieldKeys.Emails] = EmailValue($"bulk.{i}@example.com"),
            }), ImmutableSortedSet<string>.Empty))], Ct);
            Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
            ids.AddRange(results.Select(r => r.Record!.Id));
        }

        return ids;
    }

    /// <summary>Sets one field on many contacts, in batches as large as the app takes.</summary>
    public async Task SetManyAsync(IEnumerable<string> ids, string key, FieldValue value)
    {
        Later();
        await using var connector = Connect();
        foreach (var chunk in ids.Chunk(connector.Capabilities.WriteBatchSize))
        {
            var results = await connector.WriteAsync([.. chunk.Select(id => (WriteOperation)new UpdateOperation("bulk-" + id, id, null) { Changes = [new FieldChange(key, value)] })], Ct);
            Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        }
    }

    /// <summary>An email as the app's email field holds it: a labelled list, or one address (Mailchimp).</summary>
    protected virtual FieldValue EmailValue(string email) => new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email(email))]);

    public Task SetAsync(string id, string key, FieldValue? value) => UpdateAsync(new UpdateOperation("user-update", id, null) { Changes = [new FieldChange(key, value)] });

    public Task TagAsync(string id, string tag) => UpdateAsync(new UpdateOperation("user-tag", id, null) { AddTags = [tag] });

    public Task UntagAsync(string id, string tag) => UpdateAsync(new UpdateOperation("user-untag", id, null) { RemoveTags = [tag] });

    public Task UnsubscribeAsync(string id) => UpdateAsync(new UpdateOperation("user-unsubscribe", id, null) { Unsubscribe = true });

    public virtual async Task DeleteAsync(string id)
    {
        Later();
        _ = await WriteOneAsync(new DeleteOperation("user-delete", id));
    }

    public async Task<ContactRecord> ReadAsync(string id)
    {
        await using var connector = Connect();
        return Assert.Single(await connector.GetAsync([id], Ct));
    }

    /// <summary>Every live contact, by its primary email (lower case).</summary>
    public async Task<IReadOnlyDictionary<string, ContactRecord>> ByEmailAsync()
    {
        await using var connector = Connect();
        var all = new Dictionary<string, ContactRecord>(StringComparer.Ordinal);
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            foreach (var record in page.Records)
            {
                switch (record.Get(StandardFieldKeys.Emails))
                {
                    case ListValue { Items.Length: > 0 } emails:
                        all[emails.Primary.Text.ToLowerInvariant()] = record;
                        break;
                    case ScalarValue email:
                        all[email.Text.ToLowerInvariant()] = record;
                        break;
                }
            }
        }

        return all;
    }

    public async Task<ContactRecord> FindAsync(string email) =>
        (await ByEmailAsync()).GetValueOrDefault(email) ?? throw new Xunit.Sdk.XunitException($"{App} has no contact with the email {email}.");

    public abstract ValueTask DisposeAsync();

    protected async Task UpdateAsync(UpdateOperation update)
    {
        Later();
        _ = await WriteOneAsync(update);
    }

    private async Task<WriteResult> WriteOneAsync(WriteOperation operation)
    {
        await using var connector = Connect();
        var result = Assert.Single(await connector.WriteAsync([operation], Ct));
        Assert.True(result.Succeeded, $"{App} refused the user's {operation.GetType().Name}: {result.Reason}");
        return result;
    }
}
