using Tandem.Connectors.Contract;

namespace Tandem.Connectors.InMemory.Tests;

public sealed class InMemoryConnectorListingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Listing_returns_every_record_once_in_pages_of_the_read_batch_size()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 10 } });
        var ids = app.Seed(25);
        await using var connector = app.Connect();

        var pages = await Drain.AllAsync(connector.ListAllAsync(Ct));

        Assert.Equal([10, 10, 5], pages.Select(p => p.Records.Count));
        Assert.Equal(ids, pages.SelectMany(p => p.Records).Select(r => r.Id));
        Assert.Equal(3, app.Calls.ListPages);
        Assert.Equal(1, app.Calls.Listings);
    }

    [Fact]
    public async Task Only_the_last_page_carries_the_cursor_taken_before_the_listing()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 10 } });
        app.Seed(25);
        await using var connector = app.Connect();

        var pages = await Drain.AllAsync(connector.ListAllAsync(Ct));

        Assert.Equal([null, null, "25"], pages.Select(p => p.CursorAfter));
    }

    [Fact]
    public async Task An_empty_app_lists_one_empty_page_with_a_cursor()
    {
        var app = new InMemoryApp();
        await using var connector = app.Connect();

        var page = Assert.Single(await Drain.AllAsync(connector.ListAllAsync(Ct)));

        Assert.Empty(page.Records);
        Assert.Equal("0", page.CursorAfter);
    }

    [Fact]
    public async Task Writes_during_a_listing_come_again_through_the_change_feed()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 2 } });
        var ids = app.Seed(4);
        await using var connector = app.Connect();
        var listed = new List<RecordPage>();
        string? created = null;

        await foreach (var page in connector.ListAllAsync(Ct))
        {
            listed.Add(page);
            if (listed.Count == 1)
            {
                // The first page is already read: an edit to it and a new record slip in mid-listing.
                app.Set(ids[0], "title", Domain.Fields.Values.Text("CEO"));
                created = app.CreatePerson("Zoe", "Late", "zoe@example.com").Id;
            }
        }

        var changes = await Drain.ChangesAsync(connector, listed[^1].CursorAfter!);

        var changed = changes.SelectMany(p => p.Changed).ToList();
        Assert.Equal([ids[0], created!], changed.Select(r => r.Id));
        Assert.Equal("CEO", changed[0].Get("title")?.Canonical);
    }

    [Fact]
    public async Task A_listing_that_fails_midway_throws_after_the_pages_it_delivered()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 10 } });
        app.Seed(50);
        app.Faults.FailNextListingAfterPages = 2;
        await using var connector = app.Connect();
        var delivered = new List<RecordPage>();

        var failure = await Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            await foreach (var page in connector.ListAllAsync(Ct))
            {
                delivered.Add(page);
            }
        });

        Assert.Equal(2, delivered.Count);
        Assert.All(delivered, p => Assert.Null(p.CursorAfter));
        Assert.Contains("after 2 pages", failure.Message, StringComparison.Ordinal);
        Assert.Equal(5, (await Drain.AllAsync(connector.ListAllAsync(Ct))).Count);
    }

    [Fact]
    public async Task Version_listing_pages_every_id_and_version_and_can_fail_midway()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.AddressBook with { ReadBatchSize = 3 } });
        var ids = app.Seed(7);
        var touched = app.Touch(ids[6]);
        await using var connector = app.Connect();

        var pages = await Drain.AllAsync(connector.ListVersionsAsync(Ct));
        app.Faults.FailNextListingAfterPages = 1;
        var partial = new List<IReadOnlyList<RecordVersion>>();
        await Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            await foreach (var page in connector.ListVersionsAsync(Ct))
            {
                partial.Add(page);
            }
        });

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(ids, pages.SelectMany(p => p).Select(v => v.Id));
        Assert.Equal(touched.Version, pages[2][0].Version);
        Assert.Single(partial);
    }

    [Fact]
    public async Task Transient_read_errors_fail_the_next_calls_and_then_clear()
    {
        var app = new InMemoryApp();
        var id = app.CreatePerson("Ann", "Lee", "ann@example.com").Id;
        app.Faults.FailNextReads = 2;
        await using var connector = app.Connect();

        await Assert.ThrowsAsync<ConnectorException>(() => connector.GetAsync([id], Ct));
        await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadChangesAsync("0", Ct));
        var records = await connector.GetAsync([id], Ct);

        Assert.Equal(id, Assert.Single(records).Id);
        Assert.Equal(2, app.Calls.GetCalls);
        Assert.Equal(1, app.Calls.ChangeFeedCalls);
    }

    [Fact]
    public async Task Getting_more_ids_than_the_read_batch_size_is_refused()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 3 } });
        var ids = app.Seed(4);
        await using var connector = app.Connect();

        await Assert.ThrowsAsync<ArgumentException>(() => connector.GetAsync(ids, Ct));
        var found = await connector.GetAsync([ids[1], "missing", ids[1]], Ct);

        Assert.Equal([ids[1]], found.Select(r => r.Id));
    }
}
