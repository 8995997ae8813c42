using System.Data.Common;

namespace Tandem.Storage.SyncState;

/// <summary>What every part of a session shares: the connection, the dry run's transaction if any, the connection id, the run and the clock.</summary>
internal sealed class SessionScope
{
    private readonly TimeProvider time;
    private readonly Dictionary<string, SqlStatement> statements = new(StringComparer.Ordinal);

    public SessionScope(DbConnection connection, DbTransaction? dryRunTransaction, string connectionId, TimeProvider time)
    {
        Connection = connection;
        DryRunTransaction = dryRunTransaction;
        ConnectionId = connectionId;
        this.time = time;
    }

    public DbConnection Connection { get; }

    public DbTransaction? DryRunTransaction { get; }

    public string ConnectionId { get; }

    public long RunId { get; set; }

    public long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// A statement for <paramref name="sql"/>, prepared once per session and reused: the same SQL runs for
    /// every page, and preparing it again each time would cost more than running it.
    /// </summary>
    public SqlStatement Statement(DbTransaction? transaction, string sql)
    {
        if (!statements.TryGetValue(sql, out var statement))
        {
            statement = new SqlStatement(Connection, transaction, sql, cached: true);
            statements[sql] = statement;
        }

        return statement.In(transaction);
    }

    public async ValueTask CloseStatementsAsync()
    {
        foreach (var statement in statements.Values)
        {
            await statement.CloseAsync();
        }

        statements.Clear();
    }

    /// <summary>Runs <paramref name="work"/> in its own committed transaction, or inside the dry run's.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        if (DryRunTransaction is not null)
        {
            return await work(DryRunTransaction);
        }

        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken);
        var result = await work(transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async tx =>
            {
                await using var statement = Statement(tx, sql);
                return await statement.Set("c", ConnectionId).ExecuteAsync(cancellationToken);
            },
            cancellationToken);
}
