using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

public sealed class FirstSyncTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task First_sync_links_equal_emails_and_creates_what_is_missing_on_each_side(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.CreatePerson("Bob", "Ray", "bob@example.com");
        h.B.CreatePerson("Ann", "Lee", " ANN@example.com ");
        h.B.CreatePerson("Cy", "Dow", "cy@example.com");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(1, report.A.Created);
        Assert.Equal(1, report.B.Created);
        Assert.Equal(0, report.A.Updated + report.B.Updated);
        Assert.Equal(3, await h.LinkCountAsync());
        Assert.Single(h.B.FindByEmail("bob@example.com"));
        Assert.Single(h.A.FindByEmail("cy@example.com"));
        Assert.Equal(3, h.A.Count);
        Assert.Equal(3, h.B.Count);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_second_sync_with_no_outside_change_makes_no_write_call(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.CreatePerson("Cy", "Dow", "cy@example.com");
        await h.SyncCleanlyAsync();
        h.A.Calls.Reset();
        h.B.Calls.Reset();

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.WriteCalls);
        Assert.Equal(0, h.A.Calls.WriteCalls + h.B.Calls.WriteCalls);
        Assert.Equal(1, h.A.Calls.ChangeFeedCalls);
        Assert.Equal(1, h.B.Calls.ChangeFeedCalls);
    }

    [Fact]
    public async Task Differing_values_at_first_match_take_the_winning_apps_value_but_an_empty_winner_never_blanks()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { WinningSide = Side.B };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.Set(a.Id, "org", Values.Text("Acme"));
        h.A.Set(a.Id, "title", Values.Text("CEO"));
        var b = h.B.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.Set(b.Id, "org", Values.Text("Acme Corp"));

        var report = await h.SyncCleanlyAsync();

        Assert.Equal("Acme Corp", h.A.Get(a.Id)!.Get("org")!.Canonical);
        Assert.Equal("CEO", h.B.Get(b.Id)!.Get("title")!.Canonical);
        Assert.Equal("CEO", h.A.Get(a.Id)!.Get("title")!.Canonical);
        Assert.Equal(1, report.A.Updated);
        Assert.Equal(1, report.B.Updated);
    }

    [Fact]
    public async Task Contacts_without_email_are_excluded_when_avoid_duplicates_is_on()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var nameless = h.A.CreatePerson("No", "Mail");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, h.B.Count);
        Assert.Equal(1, report.Excluded);
        var health = Assert.Single(await h.HealthAsync());
        Assert.Equal(nameless.Id, health.RecordId);
        Assert.Contains("No email address", health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contacts_without_email_are_created_when_avoid_duplicates_is_off()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { Options = new SyncOptions { AvoidDuplicates = false } };
        h.A.CreatePerson("No", "Mail");

        await h.SyncCleanlyAsync();
        var second = await h.SyncCleanlyAsync();

        Assert.Equal(1, h.B.Count);
        Assert.Equal(0, second.WriteCalls);
    }

    [Fact]
    public async Task An_email_shared_by_two_contacts_on_one_side_is_reported_as_ambiguous_never_guessed()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.A.CreatePerson("Ann", "Lee", "shared@example.com");
        h.A.CreatePerson("Annie", "Lee", "shared@example.com");
        h.B.CreatePerson("A.", "Lee", "shared@example.com");

        await h.SyncCleanlyAsync();

        Assert.Equal(0, await h.LinkCountAsync());
        Assert.Equal(1, h.B.Count);
        var health = await h.HealthAsync();
        Assert.Equal(3, health.Count);
        Assert.All(health, row => Assert.Contains("Ambiguous", row.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writes_fill_whole_batches_across_pages_so_n_creates_cost_n_over_the_batch_size_calls()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        for (var i = 0; i < 35; i++)
        {
            h.A.CreatePerson("P" + i, "Q", $"p{i}@example.com");
            h.B.CreatePerson("S" + i, "T", $"s{i}@example.com");
        }

        var report = await h.SyncCleanlyAsync(new RunOptions { PageSize = 7 });

        Assert.Equal(70, h.A.Count);
        Assert.Equal(70, h.B.Count);
        Assert.Equal(4, report.A.WriteCalls);
        Assert.Equal(4, report.B.WriteCalls);
    }
}
