using Npgsql;

namespace Tandem.Storage.PostgreSql;

/// <summary>
/// A PostgreSQL session-level advisory lock held while this process migrates, so that of several processes starting on
/// one database, one migrates and the others wait, then find nothing left to do. EF Core's own lock on PostgreSQL (a
/// LOCK TABLE on the history table) lasts one migration's transaction: between two migrations another process could take
/// it and apply a migration again (MigrationLockOnPostgresTests saw a second process fail on a dropped index). The lock is
/// released explicitly, since a pooled connection going back to the pool would keep it.
/// </summary>
internal sealed class PostgresMigrationLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: "TANDEM" in ASCII, the same for the configuration and the users' schema.</summary>
    private const long Key = 0x54414E44454D;

    private readonly NpgsqlConnection connection;

    private PostgresMigrationLock(NpgsqlConnection connection)
    {
        this.connection = connection;
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until no other process migrates this database, and holds the lock.</summary>
    public static async Task<PostgresMigrationLock> AcquireAsync(NpgsqlDataSource database, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = (int)timeout.TotalSeconds };
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresMigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
