using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Engine;
using Tandem.Runtime.Hosting;
using Tandem.Storage;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;

namespace Tandem.Runtime.Tests.Running;

public sealed class ConnectionRunnerTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-runner-tests", Guid.NewGuid().ToString("N"));
    private readonly InMemoryAppRegistry apps = new();
    private TandemRuntime runtime = null!;
    private string connectionId = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        runtime = await TandemRuntime.OpenAsync(
            new RuntimeOptions
            {
                Database = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "tandem.db")}" },
                Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)),
                Catalog = new ConnectorCatalog([new InMemoryConnectorFactory(apps)]),
            },
            ct);
        apps.Add(new InMemoryApp(new InMemoryAppOptions { Name = "crm", IdPrefix = "a" })).CreatePerson("Ann", "Lee", "ann@example.com");
        apps.Add(new InMemoryApp(new InMemoryAppOptions { Name = "book", IdPrefix = "b" }));
        var a = await runtime.Accounts.AddAsync(new NewAccount(null, "in-memory", "crm", new Dictionary<string, string> { ["app"] = "crm" }, new Dictionary<string, string>()), ct);
        var b = await runtime.Accounts.AddAsync(new NewAccount(null, "in-memory", "book", new Dictionary<string, string> { ["app"] = "book" }, new Dictionary<string, string>()), ct);
        connectionId = (await runtime.Connections.AddAsync(new NewConnection(null, "crm-book", a.Id, b.Id, new ConnectionSettings()), ct)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        await runtime.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_clean_first_run_leaves_the_connection_active()
    {
        var result = await runtime.Runner.RunAsync(connectionId, new RunOptions(), TestContext.Current.CancellationToken);

        Assert.Equal(RunOutcome.Completed, result.Report!.Outcome);
        Assert.Equal(ConnectionState.Active, result.State);
        Assert.Single(apps.Find("book")!.FindByEmail("ann@example.com"));
        Assert.Equal(ConnectionState.Active, (await runtime.Connections.GetAsync(connectionId, TestContext.Current.CancellationToken))!.State);
    }

    [Fact]
    public async Task A_paused_connection_is_not_run()
    {
        var ct = TestContext.Current.CancellationToken;
        await runtime.Connections.SetStateAsync(connectionId, ConnectionState.Paused, null, ct);

        var result = await runtime.Runner.RunAsync(connectionId, new RunOptions(), ct);

        Assert.Null(result.Report);
        Assert.Equal("Connection 'crm-book' is paused; resume it to sync.", result.SkippedBecause);
        Assert.Empty(apps.Find("book")!.Snapshot());
        Assert.Equal(0, apps.Find("crm")!.Calls.ReadCalls);
    }

    [Fact]
    public async Task A_refused_authorisation_makes_the_connection_need_attention_and_a_later_good_run_clears_it()
    {
        var ct = TestContext.Current.CancellationToken;
        apps.Find("book")!.Faults.BeforeListingPage = _ => throw new ConnectorException("book refused the token (401).") { IsAuthorizationFailure = true };

        var refused = await runtime.Runner.RunAsync(connectionId, new RunOptions(), ct);
        var stored = await runtime.Connections.GetAsync(connectionId, ct);
        apps.Find("book")!.Faults.Clear();
        var retried = await runtime.Runner.RunAsync(connectionId, new RunOptions(), ct);

        Assert.True(refused.AuthorizationFailed);
        Assert.Equal(ConnectionState.NeedsAttention, stored!.State);
        Assert.Equal("book refused the token (401).", stored.StateReason);
        Assert.Equal(ConnectionState.Active, retried.State);
        Assert.Null((await runtime.Connections.GetAsync(connectionId, ct))!.StateReason);
    }

    [Fact]
    public async Task A_passing_failure_keeps_the_rescan_pending_and_says_why()
    {
        var ct = TestContext.Current.CancellationToken;
        apps.Find("crm")!.Faults.FailNextReads = 1;

        var result = await runtime.Runner.RunAsync(connectionId, new RunOptions(), ct);
        var stored = await runtime.Connections.GetAsync(connectionId, ct);

        Assert.Equal(RunOutcome.Failed, result.Report!.Outcome);
        Assert.False(result.AuthorizationFailed);
        Assert.Equal(ConnectionState.Scanning, stored!.State);
        Assert.Equal($"The last run failed: {result.Report.Message}", stored.StateReason);
    }

    [Fact]
    public async Task Two_runs_of_one_connection_at_once_take_turns()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listing = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var inside = 0;
        var most = 0;
        apps.Find("crm")!.Faults.BeforeListingPage = _ =>
        {
            most = Math.Max(most, Interlocked.Increment(ref inside));
            listing.Release();
            release.Wait(ct);
            Interlocked.Decrement(ref inside);
        };

        var first = Task.Run(() => runtime.Runner.RunAsync(connectionId, new RunOptions { FullRescan = true }, ct), ct);
        var second = Task.Run(() => runtime.Runner.RunAsync(connectionId, new RunOptions { FullRescan = true }, ct), ct);
        await listing.WaitAsync(ct);
        Assert.False(listing.Wait(0, ct));
        release.Release(100);
        await Task.WhenAll(first, second);

        Assert.Equal(1, most);
    }
}
