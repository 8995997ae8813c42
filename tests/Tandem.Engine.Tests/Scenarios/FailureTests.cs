using Tandem.Connectors.InMemory;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

public sealed class FailureTests
{
    [Fact]
    public async Task A_rejected_value_fails_only_that_contact_and_is_retried_when_it_changes()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.B.Faults.Reject = record => record.Get("title")?.Canonical == "bad" ? "The title is not allowed." : null;
        var bad = h.A.CreatePerson("Bad", "Title", "bad@example.com");
        h.A.Set(bad.Id, "title", Values.Text("bad"));
        h.A.CreatePerson("Good", "One", "good@example.com");

        var first = await h.SyncAsync();

        Assert.Equal(RunOutcome.CompletedWithFailures, first.Outcome);
        Assert.Equal(1, first.Failed);
        Assert.Single(h.B.FindByEmail("good@example.com"));
        Assert.Empty(h.B.FindByEmail("bad@example.com"));
        var health = Assert.Single(await h.HealthAsync());
        Assert.Equal(bad.Id, health.RecordId);
        Assert.Contains("The title is not allowed.", health.Reason, StringComparison.Ordinal);

        var untouched = await h.SyncCleanlyAsync();
        Assert.Equal(0, untouched.WriteCalls);

        h.A.Set(bad.Id, "title", Values.Text("fine"));
        await h.SyncCleanlyAsync();

        Assert.Single(h.B.FindByEmail("bad@example.com"));
        Assert.Empty(await h.HealthAsync());
    }

    [Theory]
    [InlineData(LostResponseStyle.Throw)]
    [InlineData(LostResponseStyle.Unknown)]
    public async Task A_create_whose_answer_was_lost_is_found_on_the_next_run_and_never_created_twice(LostResponseStyle style)
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.Faults.LostResponseStyle = style;
        h.B.Faults.LoseNextResponses = 1;

        await h.SyncCleanlyAsync();
        Assert.Equal(1, h.B.Count);

        await h.SyncCleanlyAsync();
        var third = await h.SyncCleanlyAsync();

        Assert.Equal(1, h.B.Count);
        Assert.Equal(1, await h.LinkCountAsync());
        Assert.Equal(0, third.WriteCalls);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_recreate_whose_answer_was_lost_is_adopted_into_the_existing_link(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        var a = h.A.CreatePerson("Dee", "Q", "dee@example.com");
        await h.SyncCleanlyAsync();
        h.B.Delete(Assert.Single(h.B.Snapshot()).Id);
        h.A.Set(a.Id, "title", Values.Text("edited"));
        h.B.Faults.LostResponseStyle = LostResponseStyle.Unknown;
        h.B.Faults.LoseNextResponses = 1;

        await h.SyncCleanlyAsync();
        await h.SyncCleanlyAsync();
        var quiet = await h.SyncCleanlyAsync();

        var recreated = Assert.Single(h.B.Snapshot());
        Assert.Equal("edited", recreated.Get("title")!.Canonical);
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task An_update_whose_answer_was_lost_is_not_written_again_when_it_did_happen()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));
        h.A.Set(a.Id, "title", Values.Text("CFO"));
        h.B.Faults.LoseNextResponses = 1;
        h.B.Calls.Reset();

        await h.SyncCleanlyAsync();
        await h.SyncCleanlyAsync();
        await h.SyncCleanlyAsync();

        Assert.Equal("CFO", h.B.Get(b.Id)!.Get("title")!.Canonical);
        Assert.Equal(1, h.B.Calls.Updates);
    }

    [Fact]
    public async Task A_stale_etag_is_reread_and_merged_instead_of_overwriting_the_edit_that_slipped_in()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));
        h.A.Set(a.Id, "title", Values.Text("CFO"));
        h.B.Faults.StaleNextUpdates = 1;
        h.B.Faults.SlippedInEdit = _ => [new Domain.Mapping.FieldChange("org", Values.Text("Slipped Inc"))];

        await h.SyncCleanlyAsync();

        var record = h.B.Get(b.Id)!;
        Assert.Equal("CFO", record.Get("title")!.Canonical);
        Assert.Equal("Slipped Inc", record.Get("org")!.Canonical);
        Assert.Equal("Slipped Inc", h.A.Get(a.Id)!.Get("org")!.Canonical);
    }

    [Fact]
    public async Task A_listing_that_fails_midway_infers_no_deletion_and_the_next_run_goes_on()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite, new InMemoryAppOptions { Name = "A", IdPrefix = "a", Capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 10 } });
        h.Settings = new Domain.Configuration.ConnectionSettings { Options = new Domain.Configuration.SyncOptions { SyncDeletions = true } };
        for (var i = 0; i < 35; i++)
        {
            h.A.CreatePerson("P" + i, "Q", $"p{i}@example.com");
        }

        await h.SyncCleanlyAsync();
        h.A.Faults.ExpireNextCursors = 1;
        h.A.Faults.FailNextListingAfterPages = 2;

        var failed = await h.SyncAsync();

        Assert.Equal(RunOutcome.Failed, failed.Outcome);
        Assert.Equal(0, failed.WriteCalls);
        Assert.DoesNotContain(h.B.Snapshot(), r => r.Tags.Count > 0);
        var next = await h.SyncCleanlyAsync();
        Assert.Equal(0, next.WriteCalls);
    }
}
