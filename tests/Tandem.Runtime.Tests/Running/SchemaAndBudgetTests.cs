using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Engine;
using Tandem.Runtime.Hosting;
using Tandem.Storage;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;

namespace Tandem.Runtime.Tests.Running;

/// <summary>What the runtime keeps between runs so an idle connection costs its apps little: schemas and budgets.</summary>
public sealed class SchemaAndBudgetTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-schema-tests", Guid.NewGuid().ToString("N"));
    private readonly InMemoryAppRegistry apps = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TandemRuntime runtime = null!;
    private string connectionId = null!;
    private string accountA = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        runtime = await TandemRuntime.OpenAsync(
            new RuntimeOptions
            {
                Database = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "tandem.db")}" },
                Time = time,
                Catalog = new ConnectorCatalog([new InMemoryConnectorFactory(apps)]),
            },
            ct);
        apps.Add(new InMemoryApp(new InMemoryAppOptions { Name = "crm", IdPrefix = "a" })).CreatePerson("Ann", "Lee", "ann@example.com");
        apps.Add(new InMemoryApp(new InMemoryAppOptions { Name = "book", IdPrefix = "b" }));
        var a = await runtime.Accounts.AddAsync(new NewAccount(null, "in-memory", "crm", new Dictionary<string, string> { ["app"] = "crm" }, new Dictionary<string, string>()), ct);
        var b = await runtime.Accounts.AddAsync(new NewAccount(null, "in-memory", "book", new Dictionary<string, string> { ["app"] = "book" }, new Dictionary<string, string>()), ct);
        accountA = a.Id;
        connectionId = (await runtime.Connections.AddAsync(new NewConnection(null, "crm-book", a.Id, b.Id, new ConnectionSettings()), ct)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        await runtime.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Runs_within_the_hour_read_each_schema_once_and_the_next_hour_reads_it_again()
    {
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 4; i++)
        {
            await runtime.Runner.RunAsync(connectionId, new RunOptions(), ct);
            time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(1, apps.Find("crm")!.Calls.SchemaCalls);
        Assert.Equal(1, apps.Find("book")!.Calls.SchemaCalls);
        time.Advance(TimeSpan.FromMinutes(21));
        await runtime.Runner.RunAsync(connectionId, new RunOptions(), ct);
        Assert.Equal(2, apps.Find("crm")!.Calls.SchemaCalls);
    }

    [Fact]
    public async Task A_forgotten_schema_is_read_again_at_the_next_run_and_only_that_account_s()
    {
        var ct = TestContext.Current.CancellationToken;
        await runtime.Runner.RunAsync(connectionId, new RunOptions(), ct);

        runtime.Schemas.Forget(accountA);
        await runtime.Runner.RunAsync(connectionId, new RunOptions(), ct);

        Assert.Equal(2, apps.Find("crm")!.Calls.SchemaCalls);
        Assert.Equal(1, apps.Find("book")!.Calls.SchemaCalls);
    }

    [Fact]
    public async Task An_app_without_a_cost_model_is_paced_by_the_server_s_interval_and_says_so()
    {
        var pace = await runtime.Pacing.PaceAsync(connectionId, TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.Zero, pace!.Interval);
        Assert.Equal("In-memory app: polling at the server's interval; In-memory app: polling at the server's interval", pace.Words);
    }
}
