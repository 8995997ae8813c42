using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Cost;
using Tandem.Engine.Planning;
using Tandem.Runtime.Running;
using Tandem.Runtime.Setup;
using Tandem.Runtime.Status;
using Tandem.Storage;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;
using Tandem.Storage.Secrets;
using Tandem.Storage.SyncState;

namespace Tandem.Runtime.Hosting;

/// <summary>
/// The pieces a host needs, wired together over one open, migrated database: stores, the catalogue, the
/// runner, set-up files, status and activity. One per process; dispose it to close the database.
/// </summary>
public sealed class TandemRuntime : IAsyncDisposable
{
    private readonly SecretProtector protector;

    private TandemRuntime(TandemDatabase database, SecretProtector protector, RuntimeOptions options)
    {
        Database = database;
        this.protector = protector;
        Time = options.Time;
        LoggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        Catalog = options.Catalog;
        ConnectorContext = new ConnectorContext(Time, LoggerFactory) { Network = options.Network };
        Accounts = new AccountStore(database, protector, Time);
        Connections = new ConnectionStore(database, Time);
        Locks = new ConnectionLocks();
        Schemas = new SchemaCache(Time);
        Budgets = new AccountBudgets(Time) { PaceRequests = options.PaceRequests };
        Runner = new ConnectionRunner(Accounts, Connections, new SqlSyncStateStore(database, Time), Catalog, Locks, ConnectorContext) { Schemas = Schemas, Budgets = Budgets };
        Pacing = new ConnectionPacing(Connections, Accounts, Catalog, Budgets, Time);
        SetupLoader = new SetupFileLoader(Catalog, options.Environment);
        SetupApplier = new SetupApplier(
            Accounts,
            Connections,
            new SetupConnectionCheck(Catalog, ConnectorContext),
            LoggerFactory.CreateLogger<SetupApplier>());
        Status = new StatusQuery(database, Connections);
        Activity = new ActivityQuery(database);
    }

    public TandemDatabase Database { get; }

    public TimeProvider Time { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ConnectorCatalog Catalog { get; }

    /// <summary>What every connector this runtime opens gets: its clock, logging and network policy.</summary>
    public ConnectorContext ConnectorContext { get; }

    public AccountStore Accounts { get; }

    public ConnectionStore Connections { get; }

    public ConnectionRunner Runner { get; }

    /// <summary>The accounts' schemas between runs; forget an account's when its fields may have changed ("Refresh fields", a field created).</summary>
    public SchemaCache Schemas { get; }

    /// <summary>What each account has spent of its app's daily budget.</summary>
    public AccountBudgets Budgets { get; }

    /// <summary>How often each connection is polled, from its apps' cost models and budgets.</summary>
    public ConnectionPacing Pacing { get; }

    /// <summary>The per-connection locks the runner takes; a host takes one too before removing a connection, so no run is cut short.</summary>
    public ConnectionLocks Locks { get; }

    public SetupFileLoader SetupLoader { get; }

    public SetupApplier SetupApplier { get; }

    public StatusQuery Status { get; }

    public ActivityQuery Activity { get; }

    /// <summary>Opens and migrates the database and reads the master key (creating the key file on first use).</summary>
    public static async Task<TandemRuntime> OpenAsync(RuntimeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var database = await TandemDatabase.OpenAsync(options.Database, cancellationToken);
        try
        {
            await database.MigrateAsync(cancellationToken);
            var protector = SecretProtector.FromEnvironmentOrKeyFile(options.KeyFilePath ?? database.DefaultKeyFilePath);
            return new TandemRuntime(database, protector, options);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A watch loop for one connection, on this runtime's clock, paced by its apps' cost models (never faster than the
    /// options' interval) unless <paramref name="paced"/> is false.
    /// </summary>
    public WatchLoop Watch(string connectionId, WatchLoopOptions options, bool paced = true) =>
        new(Runner, connectionId, options, Time, LoggerFactory.CreateLogger<WatchLoop>())
        {
            Pace = paced ? async ct => (await Pacing.PaceAsync(connectionId, ct))?.Interval : null,
        };

    public async ValueTask DisposeAsync()
    {
        protector.Dispose();
        await Database.DisposeAsync();
    }
}
