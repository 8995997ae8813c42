using Microsoft.Data.Sqlite;
using Tandem.Storage.Sqlite;

namespace Tandem.Storage.Backups;

/// <summary>
/// A consistent copy of a live SQLite database through SQLite's online backup API: it copies every page under one
/// read transaction, so a sync committing meanwhile is either wholly in the copy or not at all, and the server
/// never stops.
/// </summary>
public static class SqliteOnlineBackup
{
    /// <summary>Copies <paramref name="database"/> into the new file <paramref name="destinationFile"/>.</summary>
    /// <exception cref="NotSupportedException">The database is not SQLite (PostgreSQL has pg_dump).</exception>
    /// <exception cref="IOException">The destination already exists.</exception>
    public static async Task CopyAsync(TandemDatabase database, string destinationFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.SqliteFilePath is null)
        {
            throw new NotSupportedException("Only a SQLite database is backed up by Tandem itself; back up PostgreSQL with pg_dump (see docs/operations.md).");
        }

        if (!File.Exists(database.SqliteFilePath))
        {
            throw new IOException($"There is no database at '{database.SqliteFilePath}' to back up.");
        }

        if (File.Exists(destinationFile))
        {
            throw new IOException($"'{destinationFile}' already exists; a backup never overwrites a file.");
        }

        // The copy holds what the database holds: owner-only from its first byte.
        OwnerOnlyFiles.PrepareDatabase(destinationFile);
        await using var source = (SqliteConnection)await database.OpenConnectionAsync(cancellationToken);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destinationFile, Pooling = false }.ToString());
        await destination.OpenAsync(cancellationToken);
        source.BackupDatabase(destination);
    }
}
