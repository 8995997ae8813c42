using System.Data.Common;

namespace Tandem.Storage.Sqlite;

/// <summary>The per-connection SQLite settings every Tandem connection runs with.</summary>
internal static class SqlitePragmas
{
    /// <summary>How long a writer waits for another to finish before SQLITE_BUSY.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    // synchronous=NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the
    // last commits), and it avoids an fsync per commit. foreign_keys is off by default in SQLite. A 32 MiB
    // page cache (the default is 2 MiB) keeps the records and links indexes of a large first sync in
    // memory; it is a fixed bound, whatever the number of contacts.
    private static readonly string PerConnection =
        $"PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;";

    /// <summary>Applies the per-connection pragmas to an open connection.</summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Synchronous twin of <see cref="ApplyAsync"/>, for EF's synchronous opens.</summary>
    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Switches the file to write-ahead logging, which lets readers run beside a writer. The mode is
    /// stored in the file, so once is enough.
    /// </summary>
    public static async Task EnableWriteAheadLogAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused write-ahead logging (journal_mode is '{mode}'); is the database on a network share?");
        }
    }
}
