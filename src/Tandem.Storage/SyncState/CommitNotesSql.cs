using System.Data.Common;
using Tandem.Engine.State;

namespace Tandem.Storage.SyncState;

/// <summary>Health and activity of a committed page, in batched statements.</summary>
internal sealed class CommitNotesSql
{
    private const int Rows = 32;

    private const string UpsertHealth = """
        INSERT INTO health (connection_id, side, record_id, status, reason, content_hash, updated_at) VALUES {0}
        ON CONFLICT (connection_id, side, record_id) DO UPDATE SET
            status = excluded.status, reason = excluded.reason, content_hash = excluded.content_hash, updated_at = excluded.updated_at
        """;

    private readonly SessionScope scope;

    public CommitNotesSql(SessionScope scope)
    {
        this.scope = scope;
    }

    public async Task WriteAsync(DbTransaction tx, PageCommit commit, CancellationToken cancellationToken)
    {
        // The last note about a record is its health; in sync is stored as the absence of a row.
        var final = commit.Health.GroupBy(n => (n.Side, n.RecordId)).Select(g => g.Last()).ToList();
        foreach (var group in final.Where(n => n.Status == HealthStatus.InSync).GroupBy(n => n.Side))
        {
            foreach (var chunk in group.Chunk(SqlInList.MaxItems))
            {
                await using var clear = scope.Statement(tx, $"DELETE FROM health WHERE connection_id = @c AND side = @s AND record_id IN ({SqlInList.Parameters("i", chunk.Length)})");
                SqlInList.Bind(clear.Set("c", scope.ConnectionId).Set("s", (int)group.Key), "i", chunk.Select(n => n.RecordId));
                await clear.ExecuteAsync(cancellationToken);
            }
        }

        foreach (var chunk in final.Where(n => n.Status != HealthStatus.InSync).Chunk(Rows))
        {
            var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, UpsertHealth, SqlInList.Rows(chunk.Length, "(@c, @p{r}_0, @p{r}_1, @p{r}_2, @p{r}_3, @p{r}_4, @t)"));
            await using var upsert = scope.Statement(tx, sql);
            upsert.Set("c", scope.ConnectionId).Set("t", scope.Now);
            for (var r = 0; r < chunk.Length; r++)
            {
                SqlInList.BindRow(upsert, r, (int)chunk[r].Side, chunk[r].RecordId, (int)chunk[r].Status, chunk[r].Reason, chunk[r].ContentHash);
            }

            await upsert.ExecuteAsync(cancellationToken);
        }

        foreach (var chunk in commit.Activity.Chunk(Rows))
        {
            var sql = "INSERT INTO activity (connection_id, run_id, at, side, record_id, kind, message, details) VALUES "
                + SqlInList.Rows(chunk.Length, "(@c, @r, @t, @p{r}_0, @p{r}_1, @p{r}_2, @p{r}_3, @p{r}_4)");
            await using var insert = scope.Statement(tx, sql);
            insert.Set("c", scope.ConnectionId).Set("r", scope.RunId).Set("t", scope.Now);
            for (var r = 0; r < chunk.Length; r++)
            {
                var note = chunk[r];
                SqlInList.BindRow(insert, r, note.Side is { } side ? (int)side : null, note.RecordId, note.Kind, note.Message, note.Details);
            }

            await insert.ExecuteAsync(cancellationToken);
        }
    }
}
