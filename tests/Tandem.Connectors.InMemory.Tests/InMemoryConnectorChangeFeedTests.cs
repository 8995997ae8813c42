using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.InMemory.Tests;

public sealed class InMemoryConnectorChangeFeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_change_feed_resumes_from_its_cursor_with_no_gap_and_no_duplicate_across_pages()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 3 } });
        var ids = app.Seed(10);
        await using var connector = app.Connect();
        var cursor = (await Drain.AllAsync(connector.ListAllAsync(Ct)))[^1].CursorAfter!;

        // ids[5] is edited twice: the feed holds it once, at its latest change.
        foreach (var id in new[] { ids[2], ids[5], ids[0], ids[9], ids[5], ids[7], ids[3], ids[1] })
        {
            app.Set(id, "title", Values.Text("edited"));
        }

        var first = await connector.ReadChangesAsync(cursor, Ct);

        // Changed again after its page was read: it comes once more, as a new change.
        app.Set(ids[2], "note", Values.Text("again"));
        var rest = await Drain.ChangesAsync(connector, first.NextCursor);

        var pages = rest.Prepend(first).ToList();
        Assert.Equal([3, 3, 2], pages.Select(p => p.Changed.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(
            [ids[2], ids[0], ids[9], ids[5], ids[7], ids[3], ids[1], ids[2]],
            pages.SelectMany(p => p.Changed).Select(r => r.Id));
        Assert.Equal("again", pages[^1].Changed[^1].Get("note")?.Canonical);
    }

    [Fact]
    public async Task A_poll_with_nothing_changed_costs_one_call_and_keeps_the_cursor_current()
    {
        var app = new InMemoryApp();
        app.Seed(5);
        await using var connector = app.Connect();
        app.Calls.Reset();

        var page = await connector.ReadChangesAsync("5", Ct);

        Assert.Empty(page.Changed);
        Assert.Empty(page.DeletedIds);
        Assert.False(page.HasMore);
        Assert.Equal("5", page.NextCursor);
        Assert.Equal(1, app.Calls.ReadCalls);
    }

    [Fact]
    public async Task Deletions_come_as_tombstones_when_the_app_detects_them()
    {
        var app = new InMemoryApp();
        var ids = app.Seed(3);
        app.Set(ids[1], "title", Values.Text("doomed"));
        await using var connector = app.Connect();

        app.Delete(ids[1]);
        var page = await connector.ReadChangesAsync("3", Ct);

        Assert.Empty(page.Changed);
        Assert.Equal([ids[1]], page.DeletedIds);
        Assert.True(app.IsDeleted(ids[1]));
        Assert.Null(app.Get(ids[1]));
    }

    [Fact]
    public async Task An_app_that_does_not_detect_deletions_reports_no_tombstones()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Marketing with { ReadBatchSize = 1 } });
        var ids = app.Seed(3);
        await using var connector = app.Connect();

        app.Delete(ids[0]);
        app.Set(ids[2], "title", Values.Text("still here"));
        var pages = await Drain.ChangesAsync(connector, "3");

        var page = Assert.Single(pages);
        Assert.Equal([ids[2]], page.Changed.Select(r => r.Id));
        Assert.Empty(page.DeletedIds);
    }

    [Fact]
    public async Task An_expired_cursor_switch_fails_the_next_change_feed_call_only()
    {
        var app = new InMemoryApp();
        app.Seed(2);
        app.Faults.ExpireNextCursors = 1;
        await using var connector = app.Connect();

        await Assert.ThrowsAsync<CursorExpiredException>(() => connector.ReadChangesAsync("2", Ct));
        var page = await connector.ReadChangesAsync("2", Ct);

        Assert.Empty(page.Changed);
    }

    [Fact]
    public async Task Expiring_cursors_refuses_the_old_ones_but_accepts_a_fresh_listing_cursor()
    {
        var app = new InMemoryApp();
        var ids = app.Seed(2);
        app.Delete(ids[0]);
        await using var connector = app.Connect();

        app.ExpireCursors();
        await Assert.ThrowsAsync<CursorExpiredException>(() => connector.ReadChangesAsync("2", Ct));
        var fresh = (await Drain.AllAsync(connector.ListAllAsync(Ct)))[^1].CursorAfter!;
        var page = await connector.ReadChangesAsync(fresh, Ct);

        Assert.Equal("3", fresh);
        Assert.Empty(page.Changed);
        Assert.Empty(page.DeletedIds);
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("-1")]
    [InlineData("99")]
    public async Task A_cursor_the_app_never_issued_is_refused_as_expired(string cursor)
    {
        var app = new InMemoryApp();
        app.Seed(2);
        await using var connector = app.Connect();

        await Assert.ThrowsAsync<CursorExpiredException>(() => connector.ReadChangesAsync(cursor, Ct));
    }

    [Fact]
    public async Task A_version_listing_app_has_no_cursor_feed()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.AddressBook });
        await using var connector = app.Connect();

        await Assert.ThrowsAsync<NotSupportedException>(() => connector.ReadChangesAsync("0", Ct));
    }

    [Fact]
    public async Task A_flaky_etag_changes_the_version_and_requeues_the_record_with_the_same_content()
    {
        var app = new InMemoryApp(new() { Seed = 7 });
        var id = app.CreatePerson("Ann", "Lee", "ann@example.com").Id;
        var before = app.Get(id)!;
        app.Faults.FlakyVersionRate = 1;
        await using var connector = app.Connect();

        var read = Assert.Single(await connector.GetAsync([id], Ct));
        app.Faults.FlakyVersionRate = 0;
        var requeued = await connector.ReadChangesAsync("1", Ct);

        Assert.NotEqual(before.Version, read.Version);
        Assert.Equal(before.Fields, read.Fields);
        Assert.Equal(read, Assert.Single(requeued.Changed));
    }
}
