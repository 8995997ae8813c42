using System.Data.Common;

namespace Tandem.Storage.SyncState;

/// <summary>
/// A reusable parameterised command on the session's connection and transaction: parameters are
/// created once and re-bound per row, so a page of rows costs one prepared statement.
/// The SQL is portable between SQLite and PostgreSQL (named @parameters, ON CONFLICT, RETURNING).
/// </summary>
internal sealed class SqlStatement : IAsyncDisposable
{
    private readonly DbCommand command;
    private readonly Dictionary<string, DbParameter> parameters = new(StringComparer.Ordinal);
    private readonly bool cached;

    public SqlStatement(DbConnection connection, DbTransaction? transaction, string sql, bool cached = false)
    {
        command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        this.cached = cached;
    }

    /// <summary>Moves a cached statement to the transaction of its next use.</summary>
    public SqlStatement In(DbTransaction? transaction)
    {
        command.Transaction = transaction;
        return this;
    }

    public SqlStatement Set(string name, object? value)
    {
        if (!parameters.TryGetValue(name, out var parameter))
        {
            parameter = command.CreateParameter();

            // With its prefix the name is found at once; without it, Microsoft.Data.Sqlite tries each prefix in turn.
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
            parameters[name] = parameter;
        }

        parameter.Value = value ?? DBNull.Value;
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => command.ExecuteNonQueryAsync(cancellationToken);

    public async Task<long> ScalarAsync(CancellationToken cancellationToken) =>
        Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    public Task<DbDataReader> ReaderAsync(CancellationToken cancellationToken) => command.ExecuteReaderAsync(cancellationToken);

    /// <summary>Disposes a one-off statement; a cached one lives until its session ends (<see cref="CloseAsync"/>).</summary>
    public ValueTask DisposeAsync() => cached ? ValueTask.CompletedTask : command.DisposeAsync();

    public ValueTask CloseAsync() => command.DisposeAsync();
}
