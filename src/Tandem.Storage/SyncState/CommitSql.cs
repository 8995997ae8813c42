using Tandem.Domain.Configuration;
using Tandem.Engine.State;

namespace Tandem.Storage.SyncState;

/// <summary>The journal, and committing a page of settled plans in one transaction.</summary>
internal sealed class CommitSql
{
    private const string UpsertRecord = """
        INSERT INTO records (connection_id, side, record_id, version, content_hash, email_key, snapshot, dirty, deleted, scan_gen)
        VALUES (@c, @s, @id, @v, @h, @e, @snap, @d, @del, @g)
        ON CONFLICT (connection_id, side, record_id) DO UPDATE SET
            version = excluded.version, content_hash = excluded.content_hash, email_key = excluded.email_key,
            snapshot = excluded.snapshot, dirty = excluded.dirty, deleted = excluded.deleted
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
                await using var insert = scope.Statement(tx, "INSERT INTO journal (connection_id, run_id, side, kind, record_id, client_ref, email_key, source_record_id, state, created_at) VALUES (@c, @r, @s, @k, @id, @ref, @e, @src, 0, @t) RETURNING id");
                insert.Set("c", scope.ConnectionId).Set("r", scope.RunId).Set("t", scope.Now);
                var ids = new long[intents.Count];
                for (var i = 0; i < intents.Count; i++)
                {
                    var intent = intents[i];
                    ids[i] = await insert.Set("s", (int)intent.Side).Set("k", intent.Kind).Set("id", intent.RecordId).Set("ref", intent.ClientReference)
                        .Set("e", intent.EmailKey).Set("src", intent.SourceRecordId).ScalarAsync(cancellationToken);
                }

                return ids;
            },
            cancellationToken);

    public async Task<IReadOnlyList<JournalEntry>> PendingCreatesAsync(CancellationToken cancellationToken)
    {
        await using var select = scope.Statement(scope.DryRunTransaction, "SELECT id, side, client_ref, email_key, source_record_id FROM journal WHERE connection_id = @c AND state = 0 AND kind = 'create' ORDER BY id");
        await using var reader = await select.Set("c", scope.ConnectionId).ReaderAsync(cancellationToken);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var side = (Side)Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            entries.Add(new JournalEntry(reader.GetInt64(0), new JournalIntent(side, "create", null, Text(2), Text(3), Text(4))));
        }

        return entries;
    }

    public Task CommitAsync(PageCommit commit, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                await WriteRecordsAsync(tx, commit.Records, cancellationToken);
                await WriteLinksAsync(tx, commit.Links, cancellationToken);
                await WriteHealthAsync(tx, commit, cancellationToken);
                await WriteActivityAndJournalAsync(tx, commit, cancellationToken);
                return 0;
            },
            cancellationToken);

    private async Task WriteRecordsAsync(System.Data.Common.DbTransaction tx, List<RecordWrite> writes, CancellationToken cancellationToken)
    {
        await using var upsert = scope.Statement(tx, UpsertRecord);
        await using var dirty = scope.Statement(tx, "UPDATE records SET dirty = @d, deleted = CASE WHEN @del = 1 THEN 1 ELSE deleted END WHERE connection_id = @c AND side = @s AND record_id = @id");
        upsert.Set("c", scope.ConnectionId).Set("g", scope.RunId);
        dirty.Set("c", scope.ConnectionId);
        foreach (var write in writes)
        {
            if (write.Staged is { } staged)
            {
                await upsert.Set("s", (int)write.Side).Set("id", staged.Id).Set("v", staged.Version).Set("h", staged.ContentHash).Set("e", staged.EmailKey)
                    .Set("snap", staged.Snapshot).Set("d", (int)write.Dirty).Set("del", write.Deleted ? 1 : 0).ExecuteAsync(cancellationToken);
            }
            else
            {
                await dirty.Set("s", (int)write.Side).Set("id", write.Id).Set("d", (int)write.Dirty).Set("del", write.Deleted ? 1 : 0).ExecuteAsync(cancellationToken);
            }
        }
    }

    private async Task WriteLinksAsync(System.Data.Common.DbTransaction tx, List<LinkWrite> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return;
        }

        await using var insert = scope.Statement(tx, "INSERT INTO links (connection_id, a_id, b_id, baseline, a_deleted, b_deleted, updated_at) VALUES (@c, @a, @b, @base, @ad, @bd, @t) ON CONFLICT DO NOTHING");
        await using var update = scope.Statement(tx, "UPDATE links SET a_id = @a, b_id = @b, baseline = @base, a_deleted = @ad, b_deleted = @bd, updated_at = @t WHERE id = @id AND connection_id = @c");
        await using var delete = scope.Statement(tx, "DELETE FROM links WHERE id = @id AND connection_id = @c");
        foreach (var link in links)
        {
            var statement = link.Delete ? delete : link.Id == 0 ? insert : update;
            statement.Set("c", scope.ConnectionId);
            if (link.Id != 0)
            {
                statement.Set("id", link.Id);
            }

            if (!link.Delete)
            {
                statement.Set("a", link.AId).Set("b", link.BId).Set("base", link.Baseline).Set("ad", link.ADeleted ? 1 : 0).Set("bd", link.BDeleted ? 1 : 0).Set("t", scope.Now);
            }

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

            await statement.ExecuteAsync(cancellationToken);
        }
    }

    private async Task WriteHealthAsync(System.Data.Common.DbTransaction tx, PageCommit commit, CancellationToken cancellationToken)
    {
        if (commit.Health.Count == 0)
        {
            return;
        }

        // In sync is the default: it is stored as the absence of a row, so a healthy first sync writes none.
        await using var upsert = scope.Statement(tx, "INSERT INTO health (connection_id, side, record_id, status, reason, content_hash, updated_at) VALUES (@c, @s, @id, @st, @r, @h, @t) ON CONFLICT (connection_id, side, record_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, content_hash = excluded.content_hash, updated_at = excluded.updated_at");
        await using var clear = scope.Statement(tx, "DELETE FROM health WHERE connection_id = @c AND side = @s AND record_id = @id");
        foreach (var note in commit.Health)
        {
            var statement = note.Status == HealthStatus.InSync ? clear : upsert;
            statement.Set("c", scope.ConnectionId).Set("s", (int)note.Side).Set("id", note.RecordId);
            if (note.Status != HealthStatus.InSync)
            {
                statement.Set("st", (int)note.Status).Set("r", note.Reason).Set("h", note.ContentHash).Set("t", scope.Now);
            }

            await statement.ExecuteAsync(cancellationToken);
        }
    }

    private async Task WriteActivityAndJournalAsync(System.Data.Common.DbTransaction tx, PageCommit commit, CancellationToken cancellationToken)
    {
        await using var activity = scope.Statement(tx, "INSERT INTO activity (connection_id, run_id, at, side, record_id, kind, message, details) VALUES (@c, @r, @t, @s, @id, @k, @m, @d)");
        activity.Set("c", scope.ConnectionId).Set("r", scope.RunId).Set("t", scope.Now);
        foreach (var note in commit.Activity)
        {
            await activity.Set("s", note.Side is { } side ? (int)side : null).Set("id", note.RecordId).Set("k", note.Kind).Set("m", note.Message).Set("d", note.Details).ExecuteAsync(cancellationToken);
        }

        await using var journal = scope.Statement(tx, "UPDATE journal SET state = @st, record_id = COALESCE(@id, record_id), detail = @d, completed_at = @t WHERE id = @j");
        journal.Set("t", scope.Now);
        foreach (var (id, state, recordId, detail) in commit.Journal)
        {
            await journal.Set("j", id).Set("st", (int)state).Set("id", recordId).Set("d", detail).ExecuteAsync(cancellationToken);
        }
    }
}
