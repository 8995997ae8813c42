using System.Data.Common;
using System.Globalization;
using Tandem.Engine.State;
using Tandem.Storage;
using Tandem.Storage.Connections;

namespace Tandem.Runtime.Status;

/// <summary>Reads each connection's state and health counts from the connections, links and health tables.</summary>
public sealed class StatusQuery(TandemDatabase database, ConnectionStore connections)
{
    // In sync is stored as the absence of a health row, so it is counted from the links.
    private const string InSyncSql =
        "SELECT COUNT(*) FROM links l WHERE l.connection_id = @c AND l.a_id IS NOT NULL AND l.b_id IS NOT NULL " +
        "AND l.a_deleted = 0 AND l.b_deleted = 0 AND NOT EXISTS (SELECT 1 FROM health h WHERE h.connection_id = l.connection_id " +
        "AND ((h.side = 0 AND h.record_id = l.a_id) OR (h.side = 1 AND h.record_id = l.b_id)))";

    private const string HealthSql = "SELECT COUNT(*) FROM health WHERE connection_id = @c AND status = @s";

    /// <summary>Every connection, oldest first.</summary>
    public async Task<IReadOnlyList<ConnectionStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await connections.ListAsync(cancellationToken);
        var result = new List<ConnectionStatus>(all.Count);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var stored in all)
        {
            result.Add(await StatusOfAsync(connection, stored, cancellationToken));
        }

        return result;
    }

    /// <summary>The status of one connection already read (a host that scopes connections to their owner reads them itself).</summary>
    public async Task<ConnectionStatus> GetAsync(StoredConnection stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await StatusOfAsync(connection, stored, cancellationToken);
    }

    private static async Task<ConnectionStatus> StatusOfAsync(DbConnection connection, StoredConnection stored, CancellationToken cancellationToken) =>
        new(
            stored.Id,
            stored.Name,
            stored.State,
            stored.StateReason,
            stored.LastRunAt,
            await CountAsync(connection, InSyncSql, stored.Id, status: null, cancellationToken),
            await CountAsync(connection, HealthSql, stored.Id, HealthStatus.Excluded, cancellationToken),
            await CountAsync(connection, HealthSql, stored.Id, HealthStatus.Failed, cancellationToken));

    private static async Task<int> CountAsync(DbConnection connection, string sql, string connectionId, HealthStatus? status, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "c", connectionId);
        if (status is { } s)
        {
            Add(command, "s", (int)s);
        }

        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
