using System.Data.Common;

namespace Tandem.Storage.Tests.TestDatabases;

/// <summary>Writes sync-state rows the way the sync-state code does: portable SQL on a raw connection.</summary>
internal static class SyncStateRows
{
    public static IReadOnlyList<string> Tables { get; } = ["cursors", "records", "links", "journal", "health", "activity", "runs"];

    public static async Task InsertOneOfEachAsync(DbConnection connection, string connectionId, CancellationToken cancellationToken)
    {
        string[] inserts =
        [
            "INSERT INTO cursors (connection_id, side, cursor, updated_at) VALUES (@c, 0, 'token-1', 1)",
            "INSERT INTO records (connection_id, side, record_id, version, content_hash, email_key, snapshot, dirty, deleted, scan_gen) " +
                "VALUES (@c, 1, 'b1', 'etag-1', -42, 'ann@example.com', '{}', 1, 0, 7)",
            "INSERT INTO links (connection_id, a_id, b_id, baseline, a_deleted, b_deleted, rules_state, updated_at) " +
                "VALUES (@c, 'a1', 'b1', '{}', 0, 1, NULL, 1)",
            "INSERT INTO journal (connection_id, run_id, side, kind, record_id, client_ref, email_key, source_record_id, state, detail, created_at, completed_at) " +
                "VALUES (@c, 1, 1, 'create', NULL, 'ref-1', 'ann@example.com', 'a1', 0, NULL, 1, NULL)",
            "INSERT INTO health (connection_id, side, record_id, status, reason, content_hash, updated_at) " +
                "VALUES (@c, 0, 'a1', 2, 'Phone is invalid', 42, 1)",
            "INSERT INTO activity (connection_id, run_id, at, side, record_id, kind, message, details) " +
                "VALUES (@c, 1, 1, 0, 'a1', 'update', 'Updated the phone', NULL)",
            "INSERT INTO runs (connection_id, started_at, finished_at, dry_run, status, stats, error) " +
                "VALUES (@c, 1, 2, 0, 'succeeded', NULL, NULL)",
        ];
        foreach (var sql in inserts)
        {
            await ExecuteAsync(connection, sql, connectionId, cancellationToken);
        }
    }

    public static async Task<long> CountAsync(DbConnection connection, string table, string connectionId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT COUNT(*) FROM {table} WHERE connection_id = @c", connectionId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, string sql, string connectionId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, connectionId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string sql, string connectionId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@c";
        parameter.Value = connectionId;
        command.Parameters.Add(parameter);
        return command;
    }
}
