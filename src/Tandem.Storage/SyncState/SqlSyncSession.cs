using System.Data.Common;
using System.Text.Json;
using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Engine;
using Tandem.Engine.State;

namespace Tandem.Storage.SyncState;

/// <summary>
/// One run's view of a connection's state. Each call commits its own transaction, except in a dry run,
/// where one transaction spans the session and is rolled back at the end.
/// </summary>
internal sealed class SqlSyncSession : ISyncSession
{
    private readonly DbConnection connection;
    private readonly DbTransaction? dryRunTransaction;
    private readonly SessionScope scope;
    private readonly RecordStagingSql staging;
    private readonly WorkSql work;
    private readonly MatchingSql matching;
    private readonly CommitSql commits;
    private readonly MergeSql merges;

    private SqlSyncSession(DbConnection connection, DbTransaction? dryRunTransaction, SessionScope scope)
    {
        this.connection = connection;
        this.dryRunTransaction = dryRunTransaction;
        this.scope = scope;
        staging = new RecordStagingSql(scope);
        work = new WorkSql(scope);
        matching = new MatchingSql(scope);
        commits = new CommitSql(scope);
        merges = new MergeSql(scope);
    }

    public long RunId => scope.RunId;

    public static async Task<SqlSyncSession> StartAsync(DbConnection connection, string connectionId, bool dryRun, TimeProvider time, CancellationToken cancellationToken)
    {
        var transaction = dryRun ? await connection.BeginTransactionAsync(cancellationToken) : null;
        var scope = new SessionScope(connection, transaction, connectionId, time);

        // This run's "listed unchanged" set lives beside the session's connection only (see RecordStagingSql).
        await using (var listed = new SqlStatement(connection, transaction, "CREATE TEMP TABLE IF NOT EXISTS listed (side INTEGER NOT NULL, record_id TEXT NOT NULL, PRIMARY KEY (side, record_id))"))
        {
            await listed.ExecuteAsync(cancellationToken);
        }

        await using (var clear = new SqlStatement(connection, transaction, "DELETE FROM listed"))
        {
            await clear.ExecuteAsync(cancellationToken);
        }

        scope.RunId = await scope.InTransactionAsync(
            async tx =>
            {
                await using var insert = new SqlStatement(connection, tx, "INSERT INTO runs (connection_id, started_at, dry_run, status) VALUES (@c, @t, @d, 'running') RETURNING id");
                return await insert.Set("c", connectionId).Set("t", scope.Now).Set("d", dryRun ? 1 : 0).ScalarAsync(cancellationToken);
            },
            cancellationToken);
        return new SqlSyncSession(connection, transaction, scope);
    }

    public async Task<string?> GetCursorAsync(Side side, CancellationToken cancellationToken)
    {
        await using var select = scope.Statement(dryRunTransaction, "SELECT cursor FROM cursors WHERE connection_id = @c AND side = @s");
        await using var reader = await select.Set("c", scope.ConnectionId).Set("s", (int)side).ReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : null;
    }

    public Task SaveCursorAsync(Side side, string cursor, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                await using var upsert = new SqlStatement(connection, tx, "INSERT INTO cursors (connection_id, side, cursor, updated_at) VALUES (@c, @s, @v, @t) ON CONFLICT (connection_id, side) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at");
                return await upsert.Set("c", scope.ConnectionId).Set("s", (int)side).Set("v", cursor).Set("t", scope.Now).ExecuteAsync(cancellationToken);
            },
            cancellationToken);

    public Task ReviveDeferredAsync(CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                await using var revive = new SqlStatement(connection, tx, "UPDATE records SET dirty = 1 WHERE connection_id = @c AND dirty IN (2, 3)");
                await revive.Set("c", scope.ConnectionId).ExecuteAsync(cancellationToken);

                // Updates and deletes left pending by a stopped run need no settling: the next merge compares content.
                await using var settle = new SqlStatement(connection, tx, "UPDATE journal SET state = 3, completed_at = @t WHERE connection_id = @c AND state = 0 AND kind <> 'create'");
                return await settle.Set("c", scope.ConnectionId).Set("t", scope.Now).ExecuteAsync(cancellationToken);
            },
            cancellationToken);

    public Task StageAsync(Side side, IReadOnlyList<StagedRecord> records, CancellationToken cancellationToken) =>
        records.Count == 0 ? Task.CompletedTask : staging.StageAsync(side, records, cancellationToken);

    public Task<IReadOnlyList<string>> TouchVersionsAsync(Side side, IReadOnlyList<RecordVersion> versions, bool markSeen, CancellationToken cancellationToken) =>
        staging.TouchVersionsAsync(side, versions, markSeen, cancellationToken);

    public Task MarkSeenAsync(Side side, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.CompletedTask : staging.MarkSeenAsync(side, ids, cancellationToken);

    public Task<int> CountLiveAsync(Side side, CancellationToken cancellationToken) => staging.CountAsync(side, unseenOnly: false, cancellationToken);

    public Task<int> CountUnseenAsync(Side side, CancellationToken cancellationToken) => staging.CountAsync(side, unseenOnly: true, cancellationToken);

    public Task<int> MarkUnseenDeletedAsync(Side side, CancellationToken cancellationToken) => staging.MarkUnseenDeletedAsync(side, cancellationToken);

    public Task<int> MarkDeletedAsync(Side side, IReadOnlyList<string> ids, CancellationToken cancellationToken) => staging.MarkDeletedAsync(side, ids, cancellationToken);

    public Task<int> RelinkMergedAsync(Side side, IReadOnlyList<RecordMerge> merged, CancellationToken cancellationToken) => merges.RelinkAsync(side, merged, cancellationToken);

    public Task<int> MatchAsync(bool force, IReadOnlyList<string> kindsInOrder, CancellationToken cancellationToken) => matching.MatchAsync(force, kindsInOrder, cancellationToken);

    public Task<int> RekeyAsync(string signature, Func<Side, Domain.Contacts.ContactRecord, IReadOnlyList<string>> keysOf, CancellationToken cancellationToken) =>
        new RekeySql(scope).RekeyAsync(signature, keysOf, cancellationToken);

    public Task<IReadOnlyList<WorkItem>> NextDirtyAsync(Side side, int max, CancellationToken cancellationToken) => work.NextDirtyAsync(side, max, cancellationToken);

    public Task<IReadOnlyList<long>> AddIntentsAsync(IReadOnlyList<JournalIntent> intents, CancellationToken cancellationToken) => commits.AddIntentsAsync(intents, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> PendingCreatesAsync(CancellationToken cancellationToken) => commits.PendingCreatesAsync(cancellationToken);

    public Task CommitAsync(PageCommit commit, CancellationToken cancellationToken) =>
        commit.IsEmpty ? Task.CompletedTask : commits.CommitAsync(commit, cancellationToken);

    public Task FinishAsync(RunReport report, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                var stats = JsonSerializer.Serialize(new { a = report.A, b = report.B, report.Linked, report.Conflicts, report.Excluded, report.Failed, report.Samples });
                await using var update = new SqlStatement(connection, tx, "UPDATE runs SET finished_at = @t, status = @s, stats = @j, error = @e WHERE id = @id");
                await update.Set("t", scope.Now).Set("s", report.Outcome.ToString()).Set("j", stats).Set("e", report.Message).Set("id", RunId).ExecuteAsync(cancellationToken);
                await using var touch = new SqlStatement(connection, tx, "UPDATE connections SET last_run_at = @t WHERE id = @c");
                return await touch.Set("t", scope.Now).Set("c", scope.ConnectionId).ExecuteAsync(cancellationToken);
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await scope.CloseStatementsAsync();
        if (dryRunTransaction is not null)
        {
            await dryRunTransaction.RollbackAsync();
            await dryRunTransaction.DisposeAsync();
        }

        await connection.DisposeAsync();
    }
}
