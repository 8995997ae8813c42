using Tandem.Connectors.Contract;

namespace Tandem.Connectors.InMemory.Tests;

public sealed class InMemoryFaultsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lost_response_that_throws_still_applies_the_write()
    {
        var app = new InMemoryApp();
        app.Faults.LoseNextResponses = 1;
        await using var connector = app.Connect();

        await Assert.ThrowsAsync<TimeoutException>(() => connector.WriteAsync([Ops.Create("lost@example.com", "ref-lost")], Ct));

        var created = Assert.Single(app.Snapshot());
        Assert.Equal("ref-lost", created.ClientReference);
        Assert.Equal(0, app.Faults.LoseNextResponses);
    }

    [Fact]
    public async Task A_lost_response_in_unknown_style_reports_unknown_for_writes_that_happened()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm with { WriteBatchSize = 2 } });
        var id = app.CreatePerson("Ann", "Lee").Id;
        app.Faults.LoseNextResponses = 1;
        app.Faults.LostResponseStyle = LostResponseStyle.Unknown;
        await using var connector = app.Connect();

        var results = await connector.WriteAsync([Ops.Create("b@example.com"), Ops.SetTitle(id, null, "CFO")], Ct);

        Assert.Equal([WriteFailureKind.Unknown, WriteFailureKind.Unknown], results.Select(r => r.Failure));
        Assert.Equal(2, app.Count);
        Assert.Equal("CFO", app.Get(id)!.Get("title")?.Canonical);
    }

    [Fact]
    public async Task A_failed_write_call_applies_nothing()
    {
        var app = new InMemoryApp();
        app.Faults.FailNextWrites = 1;
        await using var connector = app.Connect();

        await Assert.ThrowsAsync<ConnectorException>(() => connector.WriteAsync([Ops.Create("a@example.com")], Ct));

        Assert.Equal(0, app.Count);
        Assert.Equal(1, app.Calls.WriteCalls);
    }

    [Fact]
    public async Task The_same_seed_replays_the_same_faults()
    {
        static async Task<string> RunAsync(int seed)
        {
            var app = new InMemoryApp(new() { Seed = seed });
            var ids = app.Seed(1);
            app.Faults.ReadFailureRate = 0.5;
            await using var connector = app.Connect();
            var outcomes = new List<char>();
            for (var i = 0; i < 40; i++)
            {
                try
                {
                    await connector.GetAsync(ids, TestContext.Current.CancellationToken);
                    outcomes.Add('.');
                }
                catch (ConnectorException)
                {
                    outcomes.Add('x');
                }
            }

            return new string([.. outcomes]);
        }

        var first = await RunAsync(42);
        var second = await RunAsync(42);

        Assert.Equal(first, second);
        Assert.Contains('x', first);
        Assert.Contains('.', first);
    }

    [Fact]
    public void A_rate_outside_zero_to_one_is_refused()
    {
        var faults = new InMemoryFaults();

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.LostResponseRate = 1.5);
    }

    [Fact]
    public async Task Clearing_the_faults_turns_every_switch_off()
    {
        var app = new InMemoryApp();
        var ids = app.Seed(1);
        app.Faults.FailNextReads = 3;
        app.Faults.ReadFailureRate = 1;
        app.Faults.LoseNextResponses = 2;
        app.Faults.RejectInvalidPhones();
        await using var connector = app.Connect();

        app.Faults.Clear();
        var found = await connector.GetAsync(ids, Ct);
        var written = await connector.WriteAsync([Ops.Create("x@example.com", phone: "12")], Ct);

        Assert.Single(found);
        Assert.True(Assert.Single(written).Succeeded);
    }

    [Fact]
    public async Task A_hook_between_listing_pages_lets_an_outside_edit_race_a_listing_without_being_lost()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 2 } });
        var ids = app.Seed(4);
        app.Faults.BeforeListingPage = page =>
        {
            if (page == 1)
            {
                app.Delete(ids[3]);
                app.Set(ids[0], "title", Domain.Fields.Values.Text("moved on"));
            }
        };
        await using var connector = app.Connect();

        var pages = await Drain.AllAsync(connector.ListAllAsync(Ct));
        var changes = await connector.ReadChangesAsync(pages[^1].CursorAfter!, Ct);

        Assert.Equal([ids[0], ids[1], ids[2]], pages.SelectMany(p => p.Records).Select(r => r.Id));
        Assert.Equal([ids[3]], changes.DeletedIds);
        Assert.Equal([ids[0]], changes.Changed.Select(r => r.Id));
    }

    [Fact]
    public async Task A_write_hook_that_throws_simulates_a_crash_before_the_call_reached_the_app()
    {
        var app = new InMemoryApp();
        app.Faults.BeforeWrite = _ => throw new OperationCanceledException("killed");
        await using var connector = app.Connect();

        await Assert.ThrowsAsync<OperationCanceledException>(() => connector.WriteAsync([Ops.Create("a@example.com")], Ct));

        Assert.Equal(0, app.Count);
        Assert.Equal(0, app.Calls.WriteCalls);
    }
}
