using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.Testing.Conformance;

/// <summary>
/// What every connector must do against its sandbox, over real HTTP. A connector's test class inherits this
/// and says how to connect and how to make its sandbox misbehave.
/// </summary>
public abstract class ConnectorConformanceTests : IAsyncLifetime
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Contacts the sandbox holds at the start, more than one listing page.</summary>
    protected abstract int SeededContacts { get; }

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    protected abstract IContactConnector Connect();

    /// <summary>Changes one contact the way a user of the app would (the note field).</summary>
    protected abstract void EditInApp(string recordId, string note);

    protected abstract void DeleteInApp(string recordId);

    protected abstract void RateLimitNext(int requests);

    protected abstract void FailNext(int requests);

    protected abstract void LoseNextWrite();

    protected abstract void ExpireCursors();

    [Fact]
    public async Task A_full_listing_returns_every_contact_once_across_pages_and_ends_with_a_cursor()
    {
        await using var connector = Connect();
        var pages = await ListAsync(connector);

        Assert.True(pages.Count > 1, "the sandbox should hold more than one page");
        Assert.Equal(SeededContacts, pages.SelectMany(p => p.Records).Select(r => r.Id).Distinct().Count());
        Assert.Equal(SeededContacts, pages.Sum(p => p.Records.Count));
        Assert.All(pages[..^1], p => Assert.Null(p.CursorAfter));
        Assert.NotNull(pages[^1].CursorAfter);
    }

    [Fact]
    public async Task The_change_feed_resumes_from_its_cursor_with_no_gap_and_no_duplicate()
    {
        await using var connector = Connect();
        var pages = await ListAsync(connector);
        var ids = pages.SelectMany(p => p.Records).Select(r => r.Id).Take(3).ToList();
        ids.ForEach(id => EditInApp(id, "edited " + id));

        var changes = await ReadAllChangesAsync(connector, pages[^1].CursorAfter!);
        var again = await ReadAllChangesAsync(connector, changes.Cursor);

        Assert.Equal(ids.Order(), changes.Changed.Select(r => r.Id).Order());
        Assert.All(changes.Changed, r => Assert.Equal("edited " + r.Id, r.Get("note")?.Canonical));
        Assert.Empty(again.Changed);
        Assert.Empty(again.Deleted);
    }

    [Fact]
    public async Task A_created_contact_round_trips_its_fields_and_tags()
    {
        await using var connector = Connect();
        var create = NewContact("ref-roundtrip", "round.trip@example.com") with { Tags = ImmutableSortedSet.Create(StringComparer.Ordinal, "Conformance") };

        var result = Assert.Single(await connector.WriteAsync([create], Ct));
        Assert.True(result.Succeeded, result.Reason);
        var read = Assert.Single(await connector.GetAsync([result.Record!.Id], Ct));
        var schema = await connector.GetSchemaAsync(Ct);

        foreach (var (key, value) in create.Fields)
        {
            // An app that holds one value where the contact has a list (Mailchimp's one email, one phone) keeps the
            // primary entry (PRODUCT.md §5, multi-valued to single).
            var expected = value is ListValue list && schema.Find(key) is { IsList: false } ? list.Primary.Canonical : value.Canonical;
            Assert.Equal(expected, read.Get(key)?.Canonical);
        }

        Assert.Equal(["Conformance"], read.Tags);
    }

    [Fact]
    public async Task An_update_changes_fields_and_tags_and_a_stale_version_is_refused()
    {
        await using var connector = Connect();
        var record = (await ListAsync(connector))[0].Records[0];
        var update = new UpdateOperation("u1", record.Id, record.Version)
        {
            Changes = [new FieldChange("title", Values.Text("Chief Tester"))],
            AddTags = ["Updated"],
        };

        var done = Assert.Single(await connector.WriteAsync([update], Ct));
        Assert.True(done.Succeeded, done.Reason);
        Assert.Equal("Chief Tester", done.Record!.Get("title")?.Canonical);
        Assert.Contains("Updated", done.Record.Tags);

        EditInApp(record.Id, "changed meanwhile");
        var stale = Assert.Single(await connector.WriteAsync([update with { OperationId = "u2", ExpectedVersion = done.Record.Version }], Ct));
        Assert.Equal(WriteFailureKind.StaleVersion, stale.Failure);
    }

    [Fact]
    public async Task A_deletion_in_the_app_is_reported_by_the_change_feed()
    {
        await using var connector = Connect();
        var pages = await ListAsync(connector);
        var id = pages[0].Records[1].Id;
        DeleteInApp(id);

        var changes = await ReadAllChangesAsync(connector, pages[^1].CursorAfter!);

        Assert.Equal([id], changes.Deleted);
        Assert.DoesNotContain(changes.Changed, r => r.Id == id);
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_retried_until_the_listing_completes()
    {
        await using var connector = Connect();
        RateLimitNext(2);
        var first = await ListAsync(connector);
        FailNext(2);
        var second = await ListAsync(connector);

        Assert.Equal(SeededContacts, first.Sum(p => p.Records.Count));
        Assert.Equal(SeededContacts, second.Sum(p => p.Records.Count));
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_unknown_and_found_again_not_duplicated()
    {
        await using var connector = Connect();
        LoseNextWrite();

        var result = Assert.Single(await connector.WriteAsync([NewContact("ref-lost", "lost@example.com")], Ct));
        var found = await connector.FindCreatedAsync("ref-lost", "lost@example.com", Ct);
        var all = (await ListAsync(connector)).SelectMany(p => p.Records).ToList();

        Assert.Equal(WriteFailureKind.Unknown, result.Failure);
        Assert.NotNull(found);
        Assert.Equal(SeededContacts + 1, all.Count);
        Assert.Single(all, r => r.Get("emails")?.Canonical.Contains("lost@example.com", StringComparison.Ordinal) == true);
        Assert.Null(await connector.FindCreatedAsync("ref-never-sent", null, Ct));
    }

    [Fact]
    public async Task An_expired_cursor_is_reported_and_a_new_full_listing_recovers()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        ExpireCursors();

        await Assert.ThrowsAsync<CursorExpiredException>(() => connector.ReadChangesAsync(cursor, Ct));
        var relisted = await ListAsync(connector);
        var changes = await ReadAllChangesAsync(connector, relisted[^1].CursorAfter!);

        Assert.Equal(SeededContacts, relisted.Sum(p => p.Records.Count));
        Assert.Empty(changes.Changed);
    }

    protected static CreateOperation NewContact(string reference, string email) => new(
        "create-" + reference,
        reference,
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.first"] = Values.Text("Conny"),
            ["name.last"] = Values.Text("Formance"),
            ["emails"] = new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email(email))]),
            ["phones"] = new ListValue(FieldType.Phone, [new LabelledValue("mobile", Values.Phone("+32 470 12 34 56"))]),
            ["org"] = Values.Text("Conformance Ltd"),
            ["title"] = Values.Text("Tester"),
            ["birthday"] = Values.Date(new PartialDate(null, 2, 29)),
            ["note"] = Values.Text("Two lines\nof note"),
        }),
        ImmutableSortedSet<string>.Empty);

    protected static async Task<List<RecordPage>> ListAsync(IContactConnector connector)
    {
        var pages = new List<RecordPage>();
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            pages.Add(page);
        }

        return pages;
    }

    protected static async Task<(List<ContactRecord> Changed, List<string> Deleted, string Cursor)> ReadAllChangesAsync(IContactConnector connector, string cursor)
    {
        var changed = new List<ContactRecord>();
        var deleted = new List<string>();
        ChangePage page;
        do
        {
            page = await connector.ReadChangesAsync(cursor, Ct);
            changed.AddRange(page.Changed);
            deleted.AddRange(page.DeletedIds);
            cursor = page.NextCursor;
        }
        while (page.HasMore);
        return (changed, deleted, cursor);
    }
}
