using Microsoft.Data.Sqlite;
using Tandem.Domain.Configuration;
using Tandem.Storage;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;
using Tandem.Storage.Secrets;
using Tandem.Storage.SyncState;

namespace Tandem.Bench.State;

/// <summary>
/// A fresh SQLite state database in a temp folder with two accounts and one connection between them
/// (the sync-state tables reference the connection), as the engine tests' harness sets it up.
/// Deleted on dispose.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string folder;

    private BenchDatabase(string folder, TandemDatabase database, string connectionId)
    {
        this.folder = folder;
        Database = database;
        ConnectionId = connectionId;
        Store = new SqlSyncStateStore(database, TimeProvider.System);
    }

    public TandemDatabase Database { get; }

    public string ConnectionId { get; }

    public SqlSyncStateStore Store { get; }

    public string FilePath => Database.SqliteFilePath!;

    /// <summary>The database file and its write-ahead log, in bytes.</summary>
    public long SizeBytes => Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);

    public static async Task<BenchDatabase> CreateAsync(string appA, string appB, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tandem-bench", Guid.NewGuid().ToString("N"));
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "tandem.db")}" };
        var database = await TandemDatabase.OpenAsync(options, cancellationToken);
        await database.MigrateAsync(cancellationToken);
        using var protector = new SecretProtector(new byte[32]);
        var accounts = new AccountStore(database, protector, TimeProvider.System);
        var none = new Dictionary<string, string>();
        var a = await accounts.AddAsync(new NewAccount(null, appA, "A", none, none), cancellationToken);
        var b = await accounts.AddAsync(new NewAccount(null, appB, "B", none, none), cancellationToken);
        var connection = await new ConnectionStore(database, TimeProvider.System)
            .AddAsync(new NewConnection(null, "bench", a.Id, b.Id, new ConnectionSettings()), cancellationToken);
        return new BenchDatabase(folder, database, connection.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
