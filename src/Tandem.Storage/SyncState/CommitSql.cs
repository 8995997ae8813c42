using System.Data.Common;
using Tandem.Domain.Configuration;
using Tandem.Engine.State;

namespace Tandem.Storage.SyncState;

/// <summary>
/// The journal, and committing a page of settled plans in one transaction. Rows go in batches (multi-row
/// VALUES, IN lists, UPDATE … FROM a VALUES list), so a page costs a handful of statements, not one per row.
/// </summary>
internal sealed class CommitSql
{
    private const int Rows = 32;

    private const string UpsertRecords = """
        INSERT INTO records (connection_id, side, record_id, version, content_hash, email_key, snapshot, dirty, deleted, scan_gen)
        VALUES {0}
        ON CONFLICT (connection_id, side, record_id) DO UPDATE SET
            version = excluded.version, content_hash = excluded.content_hash, email_key = excluded.email_key,
            snapshot = excluded.snapshot, dirty = excluded.dirty, deleted = excluded.deleted
        """;

    private const string UpdateLinks = """
        WITH v (id, a, b, base, ad, bd) AS (VALUES {0})
        UPDATE links SET a_id = v.a, b_id = v.b, baseline = v.base, a_deleted = v.ad, b_deleted = v.bd, updated_at = @t
        FROM v WHERE links.id = v.id AND links.connection_id = @c
        """;

    private const string UpdateJournal = """
        WITH v (id, st, rid, d) AS (VALUES {0})
        UPDATE journal SET state = v.st, record_id = COALESCE(v.rid, journal.record_id), detail = v.d, completed_at = @t
        FROM v WHERE journal.id = v.id
        """;

    private readonly SessionScope scope;

    public CommitSql(SessionScope scope)
    {
        this.scope = scope;
    }

    public Task<IReadOnlyList<long>> AddIntentsAsync(IReadOnlyList<JournalIntent> intents, CancellationToken cancellationToken) =>
        scope.InTransactionAsync<IReadOnlyList<long>>(
            async tx =>
            {
                // RETURNING does not promise the order of VALUES, so every row carries a reference to map its id
                // back: a create's own client reference, or one made for the intent.
                var references = intents.Select((intent, i) => intent.ClientReference ?? $"intent:{scope.RunId}:{i}").ToArray();
                var ids = new Dictionary<string, long>(intents.Count, StringComparer.Ordinal);
                for (var start = 0; start < intents.Count; start += Rows)
                {
                    var count = Math.Min(Rows, intents.Count - start);
                    var sql = "INSERT INTO journal (connection_id, run_id, side, kind, record_id, client_ref, email_key, source_record_id, state, created_at) VALUES "
                        + SqlInList.Rows(count, "(@c, @r, @p{r}_0, @p{r}_1, @p{r}_2, @p{r}_3, @p{r}_4, @p{r}_5, 0, @t)") + " RETURNING id, client_ref";
                    await using var insert = scope.Statement(tx, sql);
                    insert.Set("c", scope.ConnectionId).Set("r", scope.RunId).Set("t", scope.Now);
                    for (var r = 0; r < count; r++)
                    {
                        var intent = intents[start + r];
                        SqlInList.BindRow(insert, r, (int)intent.Side, intent.Kind, intent.RecordId, references[start + r], intent.EmailKey, intent.SourceRecordId);
                    }

                    await using var reader = await insert.ReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        ids[reader.GetString(1)] = reader.GetInt64(0);
                    }
                }

                return references.Select(r => ids[r]).ToArray();
            },
            cancellationToken);

    public async Task<IReadOnlyList<JournalEntry>> PendingCreatesAsync(CancellationToken cancellationToken)
    {
        await using var select = scope.Statement(scope.DryRunTransaction, "SELECT id, side, client_ref, email_key, source_record_id, detail, created_at FROM journal WHERE connection_id = @c AND state = 0 AND kind = 'create' ORDER BY id");
        await using var reader = await select.Set("c", scope.ConnectionId).ReaderAsync(cancellationToken);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var side = (Side)Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            // A pending entry has a detail only when the app named its still-unsettled request (WriteResult.PendingReference).
            entries.Add(new JournalEntry(reader.GetInt64(0), new JournalIntent(side, "create", null, Text(2), Text(3), Text(4))) { PendingReference = Text(5), RecordedAt = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture)) });
        }

        return entries;
    }

    public Task CommitAsync(PageCommit commit, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                await WriteRecordsAsync(tx, commit.Records, cancellationToken);
                await WriteLinksAsync(tx, commit.Links, cancellationToken);
                await new CommitNotesSql(scope).WriteAsync(tx, commit, cancellationToken);
                await WriteJournalAsync(tx, commit, cancellationToken);
                return 0;
            },
            cancellationToken);

    private async Task WriteRecordsAsync(DbTransaction tx, List<RecordWrite> writes, CancellationToken cancellationToken)
    {
        // Later writes for a record win (a re-stage then its final dirty state); a deletion sticks.
        var final = new Dictionary<(Side, string), RecordWrite>();
        foreach (var write in writes)
        {
            var key = (write.Side, write.Id);
            final[key] = final.TryGetValue(key, out var before)
                ? write with { Staged = write.Staged ?? before.Staged, Deleted = write.Deleted || before.Deleted }
                : write;
        }

        foreach (var chunk in final.Values.Where(w => w.Staged is not null).Chunk(Rows))
        {
            var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, UpsertRecords, SqlInList.Rows(chunk.Length, "(@c, @p{r}_0, @p{r}_1, @p{r}_2, @p{r}_3, @p{r}_4, @p{r}_5, @p{r}_6, @p{r}_7, @g)"));
            await using var upsert = scope.Statement(tx, sql);
            upsert.Set("c", scope.ConnectionId).Set("g", scope.RunId);
            for (var r = 0; r < chunk.Length; r++)
            {
                var (write, staged) = (chunk[r], chunk[r].Staged!);
                SqlInList.BindRow(upsert, r, (int)write.Side, staged.Id, staged.Version, staged.ContentHash, staged.EmailKey, staged.Snapshot, (int)write.Dirty, write.Deleted ? 1 : 0);
            }

            await upsert.ExecuteAsync(cancellationToken);
            await MatchKeySql.ReplaceAsync(scope, tx, [.. chunk.Select(w => ((int)w.Side, w.Staged!.Id, w.Staged.MatchKeys))], cancellationToken);
        }

        foreach (var group in final.Values.Where(w => w.Staged is null).GroupBy(w => (w.Side, w.Dirty, w.Deleted)))
        {
            foreach (var chunk in group.Chunk(SqlInList.MaxItems))
            {
                var deleted = group.Key.Deleted ? ", deleted = 1" : string.Empty;
                await using var update = scope.Statement(tx, $"UPDATE records SET dirty = @d{deleted} WHERE connection_id = @c AND side = @s AND record_id IN ({SqlInList.Parameters("i", chunk.Length)})");
                SqlInList.Bind(update.Set("c", scope.ConnectionId).Set("s", (int)group.Key.Side).Set("d", (int)group.Key.Dirty), "i", chunk.Select(w => w.Id));
                await update.ExecuteAsync(cancellationToken);
            }
        }
    }

    private async Task WriteLinksAsync(DbTransaction tx, List<LinkWrite> links, CancellationToken cancellationToken)
    {
        var inserts = new List<LinkWrite>();
        foreach (var link in links.Where(l => l.Id == 0))
        {
            if (link.Rebind is { } side)
            {
                await using var rebind = scope.Statement(tx, side == Side.A
                    ? "UPDATE links SET a_id = @a, a_deleted = 0, baseline = NULL, updated_at = @t WHERE connection_id = @c AND b_id = @b"
                    : "UPDATE links SET b_id = @b, b_deleted = 0, baseline = NULL, updated_at = @t WHERE connection_id = @c AND a_id = @a");
                if (await rebind.Set("c", scope.ConnectionId).Set("a", link.AId).Set("b", link.BId).Set("t", scope.Now).ExecuteAsync(cancellationToken) > 0)
                {
                    continue;
                }
            }

            inserts.Add(link);
        }

        foreach (var chunk in inserts.Chunk(Rows))
        {
            var sql = "INSERT INTO links (connection_id, a_id, b_id, baseline, a_deleted, b_deleted, updated_at) VALUES "
                + SqlInList.Rows(chunk.Length, "(@c, @p{r}_0, @p{r}_1, @p{r}_2, @p{r}_3, @p{r}_4, @t)") + " ON CONFLICT DO NOTHING";
            await using var insert = scope.Statement(tx, sql);
            insert.Set("c", scope.ConnectionId).Set("t", scope.Now);
            for (var r = 0; r < chunk.Length; r++)
            {
                SqlInList.BindRow(insert, r, chunk[r].AId, chunk[r].BId, chunk[r].Baseline, chunk[r].ADeleted ? 1 : 0, chunk[r].BDeleted ? 1 : 0);
            }

            await insert.ExecuteAsync(cancellationToken);
        }

        foreach (var chunk in links.Where(l => l.Id != 0 && !l.Delete).Chunk(Rows))
        {
            var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, UpdateLinks, SqlInList.Rows(chunk.Length, "(CAST(@p{r}_0 AS BIGINT), @p{r}_1, @p{r}_2, @p{r}_3, CAST(@p{r}_4 AS INTEGER), CAST(@p{r}_5 AS INTEGER))"));
            await using var update = scope.Statement(tx, sql);
            update.Set("c", scope.ConnectionId).Set("t", scope.Now);
            for (var r = 0; r < chunk.Length; r++)
            {
                SqlInList.BindRow(update, r, chunk[r].Id, chunk[r].AId, chunk[r].BId, chunk[r].Baseline, chunk[r].ADeleted ? 1 : 0, chunk[r].BDeleted ? 1 : 0);
            }

            await update.ExecuteAsync(cancellationToken);
        }

        foreach (var chunk in links.Where(l => l.Id != 0 && l.Delete).Chunk(SqlInList.MaxItems))
        {
            await using var delete = scope.Statement(tx, $"DELETE FROM links WHERE connection_id = @c AND id IN ({SqlInList.Parameters("i", chunk.Length)})");
            SqlInList.Bind(delete.Set("c", scope.ConnectionId), "i", chunk.Select(l => (object?)l.Id));
            await delete.ExecuteAsync(cancellationToken);
        }
    }

    private async Task WriteJournalAsync(DbTransaction tx, PageCommit commit, CancellationToken cancellationToken)
    {
        foreach (var chunk in commit.Journal.Chunk(Rows))
        {
            var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, UpdateJournal, SqlInList.Rows(chunk.Length, "(CAST(@p{r}_0 AS BIGINT), CAST(@p{r}_1 AS INTEGER), @p{r}_2, @p{r}_3)"));
            await using var update = scope.Statement(tx, sql);
            update.Set("t", scope.Now);
            for (var r = 0; r < chunk.Length; r++)
            {
                var (id, state, recordId, detail) = chunk[r];
                SqlInList.BindRow(update, r, id, (int)state, recordId, detail);
            }

            await update.ExecuteAsync(cancellationToken);
        }
    }
}
