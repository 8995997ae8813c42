using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.Testing.Conformance;

/// <summary>
/// What every connector must do against its app (a sandbox over real HTTP, a real CardDAV server, a folder). A
/// connector's test class inherits this and says how to connect, how a user edits and deletes in the app, and how to
/// make the app misbehave. Cases that need a capability the app lacks (a cursor change feed, injectable faults) are
/// skipped with the reason; an app with a version listing has its changes found by comparing two listings.
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
    protected virtual void EditInApp(string recordId, string note) => throw new NotSupportedException($"{GetType().Name} edits through {nameof(EditInAppAsync)}.");

    protected virtual void DeleteInApp(string recordId) => throw new NotSupportedException($"{GetType().Name} deletes through {nameof(DeleteInAppAsync)}.");

    /// <summary>For apps a user edits over the network (a CardDAV server); the default calls <see cref="EditInApp"/>.</summary>
    protected virtual Task EditInAppAsync(string recordId, string note)
    {
        EditInApp(recordId, note);
        return Task.CompletedTask;
    }

    protected virtual Task DeleteInAppAsync(string recordId)
    {
        DeleteInApp(recordId);
        return Task.CompletedTask;
    }

    /// <summary>Why the app cannot be reached here (a server that is not installed), or null: every case is then skipped with it.</summary>
    protected virtual string? Unavailable => null;

    /// <summary>False for apps whose answers cannot be scripted (a real server, a folder): the fault cases are skipped.</summary>
    protected virtual bool CanInjectFaults => true;

    protected virtual void RateLimitNext(int requests) => throw new NotSupportedException();

    protected virtual void FailNext(int requests) => throw new NotSupportedException();

    protected virtual void LoseNextWrite() => throw new NotSupportedException();

    protected virtual void ExpireCursors() => throw new NotSupportedException();

    /// <summary>The field <see cref="EditInApp"/> writes its note to: <c>note</c>, or the app's free-text field where it has no notes.</summary>
    protected virtual string NoteField => StandardFieldKeys.Note;

    /// <summary>Fields of the shared contact the app has no place for (Woodpecker has no birthday): its schema must not offer them.</summary>
    protected virtual IReadOnlySet<string> FieldsTheAppLacks { get; } = new HashSet<string>(StringComparer.Ordinal);

    private void SkipUnlessFaults() =>
        Assert.SkipUnless(CanInjectFaults, $"{GetType().Name}: this app's answers cannot be scripted, so no fault is injected.");

    [Fact]
    public async Task A_full_listing_returns_every_contact_once_across_pages_and_ends_with_a_cursor()
    {
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? string.Empty);
        await using var connector = Connect();
        var pages = await ListAsync(connector);

        Assert.True(pages.Count > 1, "the sandbox should hold more than one page");
        Assert.Equal(SeededContacts, pages.SelectMany(p => p.Records).Select(r => r.Id).Distinct().Count());
        Assert.Equal(SeededContacts, pages.Sum(p => p.Records.Count));
        Assert.All(pages[..^1], p => Assert.Null(p.CursorAfter));
        Assert.NotNull(pages[^1].CursorAfter);
        if (connector.Capabilities.ChangeFeed == ChangeFeedKind.VersionListing)
        {
            var versions = await ListVersionsAsync(connector);
            Assert.Equal(pages.SelectMany(p => p.Records).ToDictionary(r => r.Id, r => r.Version ?? string.Empty), versions);
        }
    }

    [Fact]
    public async Task The_change_feed_resumes_from_its_cursor_with_no_gap_and_no_duplicate()
    {
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? string.Empty);
        await using var connector = Connect();
        var pages = await ListAsync(connector);
        var ids = pages.SelectMany(p => p.Records).Select(r => r.Id).Take(3).ToList();
        foreach (var id in ids)
        {
            await EditInAppAsync(id, "edited " + id);
        }

        var changes = await ReadAllChangesAsync(connector, pages);
        var again = await ReadAllChangesAsync(connector, changes.After);

        Assert.Equal(ids.Order(), changes.Changed.Select(r => r.Id).Order());
        Assert.All(changes.Changed, r => Assert.Equal("edited " + r.Id, r.Get(NoteField)?.Canonical));
        Assert.Empty(again.Changed);
        Assert.Empty(again.Deleted);
    }

    [Fact]
    public async Task A_created_contact_round_trips_its_fields_and_tags()
    {
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? string.Empty);
        await using var connector = Connect();
        var create = NewContact("ref-roundtrip", "round.trip@example.com") with { Tags = ImmutableSortedSet.Create(StringComparer.Ordinal, "Conformance") };

        var result = Assert.Single(await connector.WriteAsync([create], Ct));
        Assert.True(result.Succeeded, result.Reason);
        var read = Assert.Single(await connector.GetAsync([result.Record!.Id], Ct));
        var schema = await connector.GetSchemaAsync(Ct);

        foreach (var (key, value) in create.Fields)
        {
            if (FieldsTheAppLacks.Contains(key))
            {
                Assert.Null(schema.Find(key));
                continue;
            }

            // An app that holds one value where the contact has a list (Mailchimp's one email, one phone) keeps the
            // primary entry (PRODUCT.md §5, multi-valued to single).
            var expected = value is ListValue list && schema.Find(key) is { IsList: false } ? list.Primary.Canonical : value.Canonical;
            Assert.Equal(expected, read.Get(key)?.Canonical);
        }

        Assert.Equal(["Conformance"], read.Tags);
    }

    [Fact]
    public async Task A_created_contact_keeps_its_primary_email_primary_even_when_it_sorts_last()
    {
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? string.Empty);
        await using var connector = Connect();
        var create = WithEmails(NewContact("ref-primary", "unused@example.com"), ("work", "zed.primary@example.com"), ("home", "abe.home@example.com"), ("other", "mia.other@example.com"));

        var result = Assert.Single(await connector.WriteAsync([create], Ct));
        Assert.True(result.Succeeded, result.Reason);
        var read = Assert.Single(await connector.GetAsync([result.Record!.Id], Ct));

        Assert.Equal("zed.primary@example.com", PrimaryEmail(read));
        Assert.Equal("zed.primary@example.com", PrimaryEmail(result.Record));
    }

    [Fact]
    public async Task An_update_of_a_list_makes_its_first_email_the_primary_one()
    {
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? string.Empty);
        await using var connector = Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        Assert.SkipUnless(schema.Find("emails") is { IsList: true }, $"{GetType().Name}: the app holds one email per contact.");
        var created = Assert.Single(await connector.WriteAsync([WithEmails(NewContact("ref-reorder", "unused@example.com"), ("work", "amy.work@example.com"), ("home", "zoe.home@example.com"))], Ct));
        Assert.True(created.Succeeded, created.Reason);

        var update = new UpdateOperation("reorder", created.Record!.Id, created.Record.Version)
        {
            Changes = [new FieldChange("emails", new ListValue(FieldType.Email, [new LabelledValue("home", Values.Email("zoe.home@example.com")), new LabelledValue("work", Values.Email("amy.work@example.com")), new LabelledValue("other", Values.Email("bob.other@example.com"))]))],
        };
        var done = Assert.Single(await connector.WriteAsync([update], Ct));
        Assert.True(done.Succeeded, done.Reason);
        var read = Assert.Single(await connector.GetAsync([created.Record.Id], Ct));

        Assert.Equal("zoe.home@example.com", PrimaryEmail(read));
        Assert.Equal(["amy.work@example.com", "bob.other@example.com", "zoe.home@example.com"], ((ListValue)read.Get("emails")!).Items.Select(i => i.Value.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_update_changes_fields_and_tags_and_a_stale_version_is_refused()
    {
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? string.Empty);
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

        await EditInAppAsync(record.Id, "changed meanwhile");
        var stale = Assert.Single(await connector.WriteAsync([update with { OperationId = "u2", ExpectedVersion = done.Record.Version }], Ct));
        Assert.Equal(WriteFailureKind.StaleVersion, stale.Failure);
    }

    [Fact]
    public async Task A_deletion_in_the_app_is_reported_by_the_change_feed()
    {
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? string.Empty);
        await using var connector = Connect();
        var pages = await ListAsync(connector);
        var id = pages[0].Records[1].Id;
        await DeleteInAppAsync(id);

        var changes = await ReadAllChangesAsync(connector, pages);

        Assert.Equal([id], changes.Deleted);
        Assert.DoesNotContain(changes.Changed, r => r.Id == id);
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_retried_until_the_listing_completes()
    {
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? string.Empty);
        SkipUnlessFaults();
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
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? string.Empty);
        SkipUnlessFaults();
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
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? string.Empty);
        SkipUnlessFaults();
        await using var connector = Connect();
        Assert.SkipUnless(connector.Capabilities.ChangeFeed == ChangeFeedKind.Cursor, $"{GetType().Name}: the app lists versions; it has no cursor to expire.");
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        ExpireCursors();

        await Assert.ThrowsAsync<CursorExpiredException>(() => connector.ReadChangesAsync(cursor, Ct));
        var relisted = await ListAsync(connector);
        var changes = await ReadAllChangesAsync(connector, relisted);

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

    private static CreateOperation WithEmails(CreateOperation create, params (string Label, string Email)[] emails) =>
        create with { Fields = create.Fields.SetItem("emails", new ListValue(FieldType.Email, [.. emails.Select(e => new LabelledValue(e.Label, Values.Email(e.Email)))])) };

    private static string? PrimaryEmail(ContactRecord record) => record.Get("emails") switch
    {
        ListValue list => list.Primary.Text,
        ScalarValue scalar => scalar.Text,
        _ => null,
    };

    protected static async Task<List<RecordPage>> ListAsync(IContactConnector connector)
    {
        var pages = new List<RecordPage>();
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            pages.Add(page);
        }

        return pages;
    }

    /// <summary>
    /// Everything that changed since a full listing: through the change feed from its cursor, or, for an app that
    /// lists versions, by comparing that listing's versions with a new version listing and reading what moved.
    /// </summary>
    protected static Task<Changes> ReadAllChangesAsync(IContactConnector connector, List<RecordPage> listing)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(listing);
        return ReadAllChangesAsync(connector, connector.Capabilities.ChangeFeed == ChangeFeedKind.VersionListing
            ? new ChangesMark(null, listing.SelectMany(p => p.Records).ToDictionary(r => r.Id, r => r.Version ?? string.Empty, StringComparer.Ordinal))
            : new ChangesMark(listing[^1].CursorAfter!, null));
    }

    protected static async Task<Changes> ReadAllChangesAsync(IContactConnector connector, ChangesMark since)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(since);
        if (since.Versions is { } before)
        {
            var now = await ListVersionsAsync(connector);
            var moved = now.Where(v => !before.TryGetValue(v.Key, out var old) || old != v.Value).Select(v => v.Key).ToList();
            var read = moved.Count == 0 ? [] : await connector.GetAsync(moved, Ct);
            return new Changes([.. read], [.. before.Keys.Where(id => !now.ContainsKey(id))], new ChangesMark(null, now));
        }

        var cursor = since.Cursor!;
        var changed = new List<ContactRecord>();
        var deleted = new List<string>();
        ChangePage page;
        do
        {
            page = await connector.ReadChangesAsync(cursor, Ct);
            changed.AddRange(page.Changed);

            // A feed that names changes by id and version only (CardDAV sync-collection) is read the way the engine does.
            if (page.ChangedVersions.Count > 0)
            {
                changed.AddRange(await connector.GetAsync([.. page.ChangedVersions.Select(v => v.Id)], Ct));
            }

            deleted.AddRange(page.DeletedIds);
            cursor = page.NextCursor;
        }
        while (page.HasMore);
        return new Changes(changed, deleted, new ChangesMark(cursor, null));
    }

    /// <summary>The change feed read from <paramref name="cursor"/> to its end.</summary>
    protected static async Task<(List<ContactRecord> Changed, List<string> Deleted, string Cursor)> ReadAllChangesAsync(IContactConnector connector, string cursor)
    {
        var changes = await ReadAllChangesAsync(connector, new ChangesMark(cursor, null));
        return (changes.Changed, changes.Deleted, changes.After.Cursor!);
    }

    protected static async Task<Dictionary<string, string>> ListVersionsAsync(IContactConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var page in connector.ListVersionsAsync(Ct))
        {
            foreach (var version in page)
            {
                versions.Add(version.Id, version.Version);
            }
        }

        return versions;
    }

    /// <summary>Where a change reading starts: a change-feed cursor, or the versions of a listing.</summary>
    protected sealed record ChangesMark(string? Cursor, IReadOnlyDictionary<string, string>? Versions);

    /// <summary>What changed and what was deleted, and where the next reading starts.</summary>
    protected sealed record Changes(List<ContactRecord> Changed, List<string> Deleted, ChangesMark After);
}
