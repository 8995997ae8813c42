using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Engine.State;

namespace Tandem.Storage.SyncState;

/// <summary>Staging records read from the apps, and what complete listings and tombstones say about deletions.</summary>
internal sealed class RecordStagingSql
{
    // Same content → only the version and the scan generation move; new content (or a record back from
    // the dead) → dirty. A record already dirty stays dirty until the engine settles it.
    private const string Upsert = """
        INSERT INTO records (connection_id, side, record_id, version, content_hash, email_key, snapshot, dirty, deleted, scan_gen)
        VALUES {0}
        ON CONFLICT (connection_id, side, record_id) DO UPDATE SET
            dirty = CASE WHEN records.content_hash <> excluded.content_hash OR records.deleted = 1 THEN 1 ELSE records.dirty END,
            version = excluded.version, scan_gen = excluded.scan_gen, content_hash = excluded.content_hash,
            email_key = excluded.email_key, snapshot = excluded.snapshot, deleted = 0
        """;

    private const int RowsPerStatement = 32;

    // Seen in this run's complete listing: staged (scan_gen moved to this run) or listed unchanged. The
    // unchanged ones go to a narrow temporary table instead of rewriting their wide records rows.
    private const string Unseen = "scan_gen < @g AND NOT EXISTS (SELECT 1 FROM listed WHERE listed.side = @s AND listed.record_id = records.record_id)";

    private readonly SessionScope scope;

    public RecordStagingSql(SessionScope scope)
    {
        this.scope = scope;
    }

    public Task StageAsync(Side side, IReadOnlyList<StagedRecord> records, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                // One row per record id: a statement may not upsert the same row twice (PostgreSQL refuses).
                var unique = records.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.Last()).ToArray();
                foreach (var chunk in unique.Chunk(RowsPerStatement))
                {
                    var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Upsert, SqlInList.Rows(chunk.Length, "(@c, @s, @p{r}_0, @p{r}_1, @p{r}_2, @p{r}_3, @p{r}_4, 1, 0, @g)"));
                    await using var upsert = scope.Statement(tx, sql);
                    upsert.Set("c", scope.ConnectionId).Set("s", (int)side).Set("g", scope.RunId);
                    for (var r = 0; r < chunk.Length; r++)
                    {
                        SqlInList.BindRow(upsert, r, chunk[r].Id, chunk[r].Version, chunk[r].ContentHash, chunk[r].EmailKey, chunk[r].Snapshot);
                    }

                    await upsert.ExecuteAsync(cancellationToken);
                }

                await MatchKeySql.ReplaceAsync(scope, tx, [.. unique.Select(r => ((int)side, r.Id, r.MatchKeys))], cancellationToken);
                return records.Count;
            },
            cancellationToken);

    public Task<IReadOnlyList<string>> TouchVersionsAsync(Side side, IReadOnlyList<RecordVersion> versions, bool markSeen, CancellationToken cancellationToken) =>
        scope.InTransactionAsync<IReadOnlyList<string>>(
            async tx =>
            {
                var moved = new List<string>();
                foreach (var chunk in versions.Chunk(SqlInList.MaxItems))
                {
                    var wanted = chunk.ToDictionary(v => v.Id, v => v.Version, StringComparer.Ordinal);
                    var same = new List<string>(chunk.Length);
                    await using (var select = scope.Statement(tx, "SELECT record_id, version FROM records WHERE connection_id = @c AND side = @s AND deleted = 0 AND record_id IN (" + SqlInList.Parameters("i", chunk.Length) + ")"))
                    {
                        SqlInList.Bind(select.Set("c", scope.ConnectionId).Set("s", (int)side), "i", chunk.Select(v => v.Id));
                        await using var reader = await select.ReaderAsync(cancellationToken);
                        while (await reader.ReadAsync(cancellationToken))
                        {
                            if (!reader.IsDBNull(1) && wanted.TryGetValue(reader.GetString(0), out var version) && version == reader.GetString(1))
                            {
                                same.Add(reader.GetString(0));
                            }
                        }
                    }

                    if (markSeen && same.Count > 0)
                    {
                        await ListedAsync(tx, side, same, cancellationToken);
                    }

                    var sameSet = same.ToHashSet(StringComparer.Ordinal);
                    moved.AddRange(chunk.Where(v => !sameSet.Contains(v.Id)).Select(v => v.Id));
                }

                return moved;
            },
            cancellationToken);

    public Task<int> MarkSeenAsync(Side side, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                await ListedAsync(tx, side, ids, cancellationToken);
                return ids.Count;
            },
            cancellationToken);

    private async Task ListedAsync(System.Data.Common.DbTransaction tx, Side side, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(RowsPerStatement))
        {
            await using var insert = scope.Statement(tx, "INSERT INTO listed (side, record_id) VALUES " + SqlInList.Rows(chunk.Length, "(@s, @p{r}_0)") + " ON CONFLICT DO NOTHING");
            insert.Set("s", (int)side);
            for (var r = 0; r < chunk.Length; r++)
            {
                SqlInList.BindRow(insert, r, chunk[r]);
            }

            await insert.ExecuteAsync(cancellationToken);
        }
    }

    public async Task<int> CountAsync(Side side, bool unseenOnly, CancellationToken cancellationToken)
    {
        var sql = "SELECT COUNT(*) FROM records WHERE connection_id = @c AND side = @s AND deleted = 0" + (unseenOnly ? " AND " + Unseen : string.Empty);
        await using var count = scope.Statement(scope.DryRunTransaction, sql);
        return (int)await count.Set("c", scope.ConnectionId).Set("s", (int)side).Set("g", scope.RunId).ScalarAsync(cancellationToken);
    }

    public Task<int> MarkUnseenDeletedAsync(Side side, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                await using var mark = scope.Statement(tx, "UPDATE records SET deleted = 1, dirty = 1 WHERE connection_id = @c AND side = @s AND deleted = 0 AND " + Unseen);
                return await mark.Set("c", scope.ConnectionId).Set("s", (int)side).Set("g", scope.RunId).ExecuteAsync(cancellationToken);
            },
            cancellationToken);

    public Task<int> MarkDeletedAsync(Side side, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                await using var mark = scope.Statement(tx, "UPDATE records SET deleted = 1, dirty = 1 WHERE connection_id = @c AND side = @s AND record_id = @id AND deleted = 0");
                mark.Set("c", scope.ConnectionId).Set("s", (int)side);
                var marked = 0;
                foreach (var id in ids)
                {
                    marked += await mark.Set("id", id).ExecuteAsync(cancellationToken);
                }

                return marked;
            },
            cancellationToken);
}
