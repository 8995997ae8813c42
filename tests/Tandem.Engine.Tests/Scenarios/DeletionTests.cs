using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

public sealed class DeletionTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task Deleted_on_one_side_is_tagged_trash_on_the_other_when_sync_deletions_is_on(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.A.Delete(a.Id);
        await h.SyncCleanlyAsync();
        var again = await h.SyncCleanlyAsync();

        Assert.Contains(SyncOptions.TrashTag, h.B.Get(b.Id)!.Tags);
        Assert.False(h.B.IsDeleted(b.Id));
        Assert.Equal(0, again.WriteCalls);
    }

    [Fact]
    public async Task Deleted_on_one_side_without_sync_deletions_writes_nothing()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.A.Delete(a.Id);
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.WriteCalls);
        Assert.Empty(h.B.Get(b.Id)!.Tags);
    }

    [Fact]
    public async Task Deleted_on_one_side_and_edited_on_the_other_keeps_the_edit()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.A.Delete(a.Id);
        h.B.Set(b.Id, "title", Values.Text("Still here"));
        await h.SyncCleanlyAsync();

        var recreated = Assert.Single(h.A.FindByEmail("ann@example.com"));
        Assert.Equal("Still here", recreated.Get("title")!.Canonical);
        Assert.DoesNotContain(SyncOptions.TrashTag, h.B.Get(b.Id)!.Tags);
    }

    [Fact]
    public async Task A_contact_deleted_and_created_again_links_to_its_old_counterpart()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));
        h.A.Delete(a.Id);
        await h.SyncCleanlyAsync();

        var again = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.Set(again.Id, "title", Values.Text("Back"));
        await h.SyncCleanlyAsync();

        Assert.Equal(1, h.B.Count);
        Assert.Equal("Back", h.B.Get(b.Id)!.Get("title")!.Canonical);
        Assert.Equal(1, await h.LinkCountAsync());
    }

    [Fact]
    public async Task Deleted_on_both_sides_drops_the_link()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.A.Delete(a.Id);
        h.B.Delete(b.Id);
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.WriteCalls);
        Assert.Equal(0, await h.ScalarAsync("SELECT COUNT(*) FROM links WHERE connection_id = @c"));
    }

    [Fact]
    public async Task A_side_that_suddenly_lists_far_fewer_contacts_pauses_instead_of_propagating()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        var ids = Enumerable.Range(0, 40).Select(i => h.A.CreatePerson("P" + i, "Q", $"p{i}@example.com").Id).ToList();
        await h.SyncCleanlyAsync();

        foreach (var id in ids.Take(30))
        {
            h.A.Delete(id);
        }

        var tripped = await h.SyncAsync();

        Assert.Equal(RunOutcome.DeletionGuardTripped, tripped.Outcome);
        Assert.Equal(0, tripped.WriteCalls);
        Assert.DoesNotContain(h.B.Snapshot(), r => r.Tags.Contains(SyncOptions.TrashTag));
        Assert.Equal(RunOutcome.DeletionGuardTripped, (await h.SyncAsync()).Outcome);

        var confirmed = await h.SyncCleanlyAsync(new RunOptions { AcknowledgeDeletions = true });

        Assert.Equal(30, h.B.Snapshot().Count(r => r.Tags.Contains(SyncOptions.TrashTag)));
        Assert.Equal(30, confirmed.B.Tagged);
    }
}
