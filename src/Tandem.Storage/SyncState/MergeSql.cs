using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;

namespace Tandem.Storage.SyncState;

/// <summary>
/// Merges reported by a change feed: the pair of the record that disappeared follows the record it was merged into,
/// so the merge is neither a deletion (which would tag or delete the counterpart) nor a second contact.
/// </summary>
internal sealed class MergeSql
{
    private readonly SessionScope scope;

    public MergeSql(SessionScope scope)
    {
        this.scope = scope;
    }

    public Task<int> RelinkAsync(Side side, IReadOnlyList<RecordMerge> merges, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                var column = side == Side.A ? "a_id" : "b_id";
                var flag = side == Side.A ? "a_deleted" : "b_deleted";
                var moved = 0;
                foreach (var merge in merges.Where(m => !string.Equals(m.GoneId, m.SurvivorId, StringComparison.Ordinal)))
                {
                    await using var survivorLinked = scope.Statement(tx, $"SELECT COUNT(*) FROM links WHERE connection_id = @c AND {column} = @id");
                    if (await survivorLinked.Set("c", scope.ConnectionId).Set("id", merge.SurvivorId).ScalarAsync(cancellationToken) == 0)
                    {
                        // The survivor takes over the gone record's pair; its merged content is then planned against the
                        // pair's baseline like any edit. A survivor not staged yet is planned when the feed brings it.
                        await using var relink = scope.Statement(tx, $"UPDATE links SET {column} = @s, {flag} = 0, updated_at = @t WHERE connection_id = @c AND {column} = @g");
                        moved += await relink.Set("c", scope.ConnectionId).Set("s", merge.SurvivorId).Set("g", merge.GoneId).Set("t", scope.Now).ExecuteAsync(cancellationToken);
                        await using var dirty = scope.Statement(tx, "UPDATE records SET dirty = 1 WHERE connection_id = @c AND side = @side AND record_id = @s AND deleted = 0");
                        await dirty.Set("c", scope.ConnectionId).Set("side", (int)side).Set("s", merge.SurvivorId).ExecuteAsync(cancellationToken);
                    }
                    else
                    {
                        // Both were linked: the survivor keeps its own pair. The gone record's counterpart is left alone
                        // (not deleted, not tagged, not dirty): a key it shares with the survivor keeps it from being
                        // created again, and the user merges it in the other app when they want.
                        await using var drop = scope.Statement(tx, $"DELETE FROM links WHERE connection_id = @c AND {column} = @g");
                        await drop.Set("c", scope.ConnectionId).Set("g", merge.GoneId).ExecuteAsync(cancellationToken);
                    }

                    foreach (var table in new[] { "records", "match_keys", "health" })
                    {
                        await using var forget = scope.Statement(tx, $"DELETE FROM {table} WHERE connection_id = @c AND side = @side AND record_id = @g");
                        await forget.Set("c", scope.ConnectionId).Set("side", (int)side).Set("g", merge.GoneId).ExecuteAsync(cancellationToken);
                    }
                }

                return moved;
            },
            cancellationToken);
}
