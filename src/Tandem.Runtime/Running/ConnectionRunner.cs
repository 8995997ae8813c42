using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Cost;
using Tandem.Domain.Configuration;
using Tandem.Engine;
using Tandem.Engine.Logging;
using Tandem.Engine.Planning;
using Tandem.Engine.State;
using Tandem.Runtime.Logging;
using Tandem.Runtime.Telemetry;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;
using Tandem.Storage.Secrets;

namespace Tandem.Runtime.Running;

/// <summary>
/// Runs one stored connection once: loads it and its two accounts (secrets decrypted in memory only),
/// opens both connectors through the catalogue, runs the engine, and keeps the connection's state in
/// step (Scanning or Syncing while it runs; then Active, or Needs attention when the deletion guard trips
/// or an account's credentials are refused). Paused connections are not run. Holds no state of its own
/// besides what it is given: share one <see cref="ConnectionLocks"/> per process.
/// </summary>
public sealed class ConnectionRunner
{
    private readonly AccountStore accounts;
    private readonly ConnectionStore connections;
    private readonly ISyncStateStore state;
    private readonly ConnectorCatalog catalog;
    private readonly ConnectionLocks locks;
    private readonly ConnectorContext connectorContext;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;

    public ConnectionRunner(
        AccountStore accounts,
        ConnectionStore connections,
        ISyncStateStore state,
        ConnectorCatalog catalog,
        ConnectionLocks locks,
        TimeProvider time,
        ILoggerFactory? loggerFactory = null)
        : this(accounts, connections, state, catalog, locks, new ConnectorContext(time, loggerFactory ?? NullLoggerFactory.Instance))
    {
    }

    /// <summary>A runner whose connectors are opened with <paramref name="connectorContext"/> (the clock, logging and network policy).</summary>
    public ConnectionRunner(
        AccountStore accounts,
        ConnectionStore connections,
        ISyncStateStore state,
        ConnectorCatalog catalog,
        ConnectionLocks locks,
        ConnectorContext connectorContext)
    {
        ArgumentNullException.ThrowIfNull(connectorContext);
        this.accounts = accounts;
        this.connections = connections;
        this.state = state;
        this.catalog = catalog;
        this.locks = locks;
        this.connectorContext = connectorContext;
        loggerFactory = connectorContext.LoggerFactory;
        logger = loggerFactory.CreateLogger<ConnectionRunner>();
    }

    /// <summary>Where the accounts' schemas are kept between runs (re-read at most hourly); null reads them every run.</summary>
    public SchemaCache? Schemas { get; init; }

    /// <summary>The accounts' budgets at their apps, which every API call spends from; null counts nothing.</summary>
    public AccountBudgets? Budgets { get; init; }

    /// <summary>
    /// Runs the connection once. A connection waiting for its first scan or a rescan (state Scanning) gets a
    /// full rescan; a stored deletion acknowledgement lets one run past the guard, then is cleared.
    /// A dry run changes neither the apps nor the connection's state.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No connection has this id.</exception>
    public Task<ConnectionRunResult> RunAsync(string connectionId, RunOptions options, CancellationToken cancellationToken) =>
        RunAsync(connectionId, options, previewWhilePaused: false, cancellationToken);

    /// <summary>
    /// A dry run that also previews a paused connection (one set up but not started yet, or paused for
    /// review), as a full rescan when the connection has never completed a scan. Changes nothing.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No connection has this id.</exception>
    public Task<ConnectionRunResult> PreviewAsync(string connectionId, RunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RunAsync(connectionId, options with { DryRun = true }, previewWhilePaused: true, cancellationToken);
    }

    private async Task<ConnectionRunResult> RunAsync(string connectionId, RunOptions options, bool previewWhilePaused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Every line logged for this run, by the runner, the engine and the connectors, names the connection.
        using var scope = logger.BeginScope(new LogScope(new KeyValuePair<string, object>("ConnectionId", connectionId)));
        IDisposable held;
        RuntimeTelemetry.RunDue();
        try
        {
            held = await locks.AcquireAsync(connectionId, cancellationToken);
        }
        finally
        {
            RuntimeTelemetry.RunStarted();
        }

        using var release = held;
        var connection = await connections.GetAsync(connectionId, cancellationToken)
            ?? throw new KeyNotFoundException($"Connection {connectionId} does not exist.");
        if (previewWhilePaused && connection.State == ConnectionState.Paused && connection.LastRunAt is null)
        {
            options = options with { FullRescan = true };
        }

        if (connection.State == ConnectionState.Paused && !previewWhilePaused)
        {
            RuntimeLog.SkippedPaused(logger, connectionId);
            return new ConnectionRunResult(connection.Id, connection.Name, connection.State, Report: null)
            {
                SkippedBecause = $"Connection '{connection.Name}' is paused; resume it to sync.",
            };
        }

        var effective = options with
        {
            FullRescan = options.FullRescan || connection.State == ConnectionState.Scanning,
            AcknowledgeDeletions = options.AcknowledgeDeletions || connection.GuardAcknowledged,
        };
        if (!options.DryRun)
        {
            await MarkRunningAsync(connection, options, effective.FullRescan, cancellationToken);
        }

        RunReport report;
        bool authorizationFailed;
        try
        {
            (report, authorizationFailed) = await RunEngineAsync(connection, effective, cancellationToken);
        }
        catch (OperationCanceledException) when (!options.DryRun)
        {
            // A stopped run leaves the connection as it found it; a pending rescan stays pending.
            await connections.SetStateAsync(connection.Id, connection.State, connection.StateReason, CancellationToken.None);
            throw;
        }

        RuntimeLog.RunFinished(logger, connectionId, report.Outcome, effective.DryRun, effective.FullRescan);
        if (options.DryRun)
        {
            return new ConnectionRunResult(connection.Id, connection.Name, connection.State, report) { AuthorizationFailed = authorizationFailed };
        }

        var (after, reason) = StateAfter(connection, report, authorizationFailed, effective.FullRescan);
        await connections.SetStateAsync(connection.Id, after, reason, CancellationToken.None);
        if (effective.AcknowledgeDeletions && report.Outcome is RunOutcome.Completed or RunOutcome.CompletedWithFailures)
        {
            // The acknowledgement covered the deletions of this run only; the guard watches again from here.
            await connections.SetGuardAcknowledgedAsync(connection.Id, acknowledged: false, CancellationToken.None);
        }

        if (after == ConnectionState.NeedsAttention)
        {
            RuntimeLog.NeedsAttention(logger, connectionId, authorizationFailed ? "authorisation or settings refused" : report.Outcome.ToString());
        }

        return new ConnectionRunResult(connection.Id, connection.Name, after, report) { AuthorizationFailed = authorizationFailed };
    }

    private async Task MarkRunningAsync(StoredConnection connection, RunOptions options, bool fullRescan, CancellationToken cancellationToken)
    {
        if (options.AcknowledgeDeletions && !connection.GuardAcknowledged)
        {
            // Stored, so the acknowledgement survives a run that fails for another reason and is retried.
            await connections.SetGuardAcknowledgedAsync(connection.Id, acknowledged: true, cancellationToken);
        }

        await connections.SetStateAsync(connection.Id, fullRescan ? ConnectionState.Scanning : ConnectionState.Syncing, reason: null, cancellationToken);
    }

    private async Task<(RunReport Report, bool AuthorizationFailed)> RunEngineAsync(StoredConnection connection, RunOptions options, CancellationToken cancellationToken)
    {
        var (nameA, appA, connectorA, problemA) = await OpenSideAsync(connection.Id, connection.AccountAId, cancellationToken);
        await using (connectorA)
        {
            var (nameB, appB, connectorB, problemB) = await OpenSideAsync(connection.Id, connection.AccountBId, cancellationToken);
            await using (connectorB)
            {
                if (connectorA is null || connectorB is null)
                {
                    // Undecryptable secrets, refused settings or an app this build lacks: only a person can fix them.
                    return (Failed(options, problemA ?? problemB!), true);
                }

                var request = new SyncRequest(connection.Id, connection.Settings, connectorA, connectorB, state)
                {
                    Options = options,
                    NameA = nameA,
                    NameB = nameB,
                    AppA = appA,
                    AppB = appB,
                    Schemas = Schemas,
                    AccountA = connection.AccountAId,
                    AccountB = connection.AccountBId,
                };
                var report = await new SyncEngine(loggerFactory.CreateLogger<SyncEngine>(), time: connectorContext.Time).RunAsync(request, cancellationToken);
                return (report, report.AuthorizationFailed);
            }
        }
    }

    private async Task<(string Name, string? App, IContactConnector? Connector, string? Problem)> OpenSideAsync(string connectionId, string accountId, CancellationToken cancellationToken)
    {
        StoredAccount? account;
        try
        {
            account = await accounts.GetAsync(accountId, cancellationToken);
        }
        catch (SecretDecryptionException ex)
        {
            return (accountId, null, null, ex.Message);
        }

        if (account is null)
        {
            return (accountId, null, null, $"Account {accountId} does not exist.");
        }

        var values = new Dictionary<string, string>(account.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in account.Secrets)
        {
            values[key] = value;
        }

        try
        {
            var factory = catalog.Get(account.App);
            var budget = Budgets?.For(account.App, account.Id, factory.Descriptor.Cost);
            var connector = factory.Create(new AccountSettings(values), connectorContext with { App = account.App, ConnectionId = connectionId, Budget = budget });
            return (account.Name, account.App, connector, null);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or ConnectorException)
        {
            return (account.Name, account.App, null, $"Account '{account.Name}': {ex.Message}");
        }
    }

    private static RunReport Failed(RunOptions options, string message) =>
        new() { DryRun = options.DryRun, Outcome = RunOutcome.Failed, Message = message };

    private static (ConnectionState State, string? Reason) StateAfter(StoredConnection before, RunReport report, bool authorizationFailed, bool rescan) =>
        report.Outcome switch
        {
            RunOutcome.Completed or RunOutcome.CompletedWithFailures => (ConnectionState.Active, null),
            RunOutcome.DeletionGuardTripped => (ConnectionState.NeedsAttention, report.Message),
            _ when authorizationFailed => (ConnectionState.NeedsAttention, report.Message),

            // A passing failure (an app unreachable) keeps what a person must still see, and a pending rescan.
            _ when before.State == ConnectionState.NeedsAttention => (ConnectionState.NeedsAttention, before.StateReason),
            _ => (rescan ? ConnectionState.Scanning : ConnectionState.Active, $"The last run failed: {report.Message}"),
        };
}
