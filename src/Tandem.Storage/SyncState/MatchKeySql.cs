using System.Data.Common;

namespace Tandem.Storage.SyncState;

/// <summary>Keeps <c>match_keys</c> equal to the keys of each record as last staged or written.</summary>
internal static class MatchKeySql
{
    private const int Rows = 32;

    /// <summary>Replaces the keys of these records (side, id, keys) with the given ones.</summary>
    public static async Task ReplaceAsync(SessionScope scope, DbTransaction tx, IReadOnlyList<(int Side, string Id, IReadOnlyList<string> Keys)> records, CancellationToken cancellationToken)
    {
        foreach (var side in records.GroupBy(r => r.Side))
        {
            foreach (var chunk in side.Select(r => r.Id).Distinct(StringComparer.Ordinal).Chunk(SqlInList.MaxItems))
            {
                await using var delete = scope.Statement(tx, $"DELETE FROM match_keys WHERE connection_id = @c AND side = @s AND record_id IN ({SqlInList.Parameters("i", chunk.Length)})");
                SqlInList.Bind(delete.Set("c", scope.ConnectionId).Set("s", side.Key), "i", chunk);
                await delete.ExecuteAsync(cancellationToken);
            }
        }

        var keys = records.SelectMany(r => r.Keys.Select(k => (r.Side, r.Id, Key: k))).Distinct().ToArray();
        foreach (var chunk in keys.Chunk(Rows))
        {
            await using var insert = scope.Statement(tx, "INSERT INTO match_keys (connection_id, side, record_id, key) VALUES " + SqlInList.Rows(chunk.Length, "(@c, @p{r}_0, @p{r}_1, @p{r}_2)") + " ON CONFLICT DO NOTHING");
            insert.Set("c", scope.ConnectionId);
            for (var r = 0; r < chunk.Length; r++)
            {
                SqlInList.BindRow(insert, r, chunk[r].Side, chunk[r].Id, chunk[r].Key);
            }

            await insert.ExecuteAsync(cancellationToken);
        }
    }
}
