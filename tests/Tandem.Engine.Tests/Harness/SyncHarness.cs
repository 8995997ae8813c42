using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Contract;
using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Engine.State;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;
using Tandem.Storage.Secrets;
using Tandem.Storage.SyncState;

namespace Tandem.Engine.Tests.Harness;

/// <summary>Two in-memory apps joined by one connection whose state lives in a real database.</summary>
public sealed class SyncHarness : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly bool ownsDatabase;
    private int references;

    private SyncHarness(TestDatabase database, string connectionId, InMemoryApp a, InMemoryApp b, bool ownsDatabase = true)
    {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        ConnectionId = connectionId;
        A = a;
        B = b;
        Store = new SqlSyncStateStore(database.Database, Time);
    }

    public string ConnectionId { get; }

    public InMemoryApp A { get; }

    public InMemoryApp B { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public ISyncStateStore Store { get; set; }

    /// <summary>The engine's clock; null for the system's (set to <see cref="Time"/> when a test moves time for the engine too).</summary>
    public TimeProvider? EngineTime { get; set; }

    public ConnectionSettings Settings { get; set; } = new();

    public RunReport? LastReport { get; private set; }

    /// <summary>Replaces side A's in-memory app with another connector (a vCard folder…).</summary>
    public Func<IContactConnector>? ConnectA { get; set; }

    public Func<IContactConnector>? ConnectB { get; set; }

    public Storage.TandemDatabase Database => database.Database;

    public static async Task<SyncHarness> CreateAsync(StoreKind kind, InMemoryAppOptions? a = null, InMemoryAppOptions? b = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await TestDatabase.CreateAsync(kind, ct);
        var time = TimeProvider.System;
        using var protector = new SecretProtector(new byte[32]);
        var accounts = new AccountStore(db.Database, protector, time);
        var none = new Dictionary<string, string>();
        var accountA = await accounts.AddAsync(new NewAccount(null, "in-memory", "A", none, none), ct);
        var accountB = await accounts.AddAsync(new NewAccount(null, "in-memory", "B", none, none), ct);
        var connection = await new ConnectionStore(db.Database, time).AddAsync(new NewConnection(null, "A to B", accountA.Id, accountB.Id, new ConnectionSettings()), ct);
        return new SyncHarness(db, connection.Id, new InMemoryApp(a ?? new InMemoryAppOptions { Name = "A", IdPrefix = "a" }), new InMemoryApp(b ?? new InMemoryAppOptions { Name = "B", IdPrefix = "b" }));
    }

    /// <summary>A second connection over the same two apps, its state in the same database (a user who connects the same accounts again).</summary>
    public async Task<SyncHarness> AnotherConnectionAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var protector = new SecretProtector(new byte[32]);
        var accounts = new AccountStore(database.Database, protector, TimeProvider.System);
        var none = new Dictionary<string, string>();
        var accountA = await accounts.AddAsync(new NewAccount(null, "in-memory", "A again", none, none), ct);
        var accountB = await accounts.AddAsync(new NewAccount(null, "in-memory", "B again", none, none), ct);
        var connection = await new ConnectionStore(database.Database, TimeProvider.System).AddAsync(new NewConnection(null, "A to B again", accountA.Id, accountB.Id, new ConnectionSettings()), ct);
        return new SyncHarness(database, connection.Id, A, B, ownsDatabase: false) { Settings = Settings };
    }

    public async Task<RunReport> SyncAsync(RunOptions? options = null)
    {
        var engine = new SyncEngine(newReference: () => "ref-" + Interlocked.Increment(ref references), time: EngineTime);
        var request = new SyncRequest(ConnectionId, Settings, ConnectA?.Invoke() ?? A.Connect(), ConnectB?.Invoke() ?? B.Connect(), Store) { Options = options ?? new RunOptions(), NameA = "A", NameB = "B" };
        LastReport = await engine.RunAsync(request, TestContext.Current.CancellationToken);
        return LastReport;
    }

    /// <summary>Syncs, and fails the test if the run did not complete cleanly.</summary>
    public async Task<RunReport> SyncCleanlyAsync(RunOptions? options = null)
    {
        var report = await SyncAsync(options);
        Assert.True(report.Outcome == RunOutcome.Completed, $"Run ended {report.Outcome}: {report.Message}");
        return report;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await database.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Replace("@c", "'" + ConnectionId + "'", StringComparison.Ordinal);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<long> LinkCountAsync() => ScalarAsync("SELECT COUNT(*) FROM links WHERE connection_id = @c AND a_deleted = 0 AND b_deleted = 0");

    public async Task<IReadOnlyList<(string Kind, string Message, string? Details)>> ActivityAsync()
    {
        await using var connection = await database.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT kind, message, details FROM activity WHERE connection_id = '{ConnectionId}' ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<(string, string, string?)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<(string RecordId, int Status, string? Reason)>> HealthAsync()
    {
        await using var connection = await database.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT record_id, status, reason FROM health WHERE connection_id = '{ConnectionId}' ORDER BY record_id";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<(string, int, string?)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => ownsDatabase ? database.DisposeAsync() : ValueTask.CompletedTask;
}
