using Tandem.Engine.State;

namespace Tandem.Storage.SyncState;

/// <summary>The engine's state in the Tandem database (SQLite or PostgreSQL), with hand-written SQL on the hot paths.</summary>
public sealed class SqlSyncStateStore : ISyncStateStore
{
    private readonly TandemDatabase database;
    private readonly TimeProvider time;

    public SqlSyncStateStore(TandemDatabase database, TimeProvider time)
    {
        this.database = database;
        this.time = time;
    }

    public async Task<ISyncSession> OpenAsync(string connectionId, bool dryRun, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await SqlSyncSession.StartAsync(connection, connectionId, dryRun, time, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
