using System.Data.Common;
using System.Globalization;
using Tandem.Domain.Configuration;
using Tandem.Engine.Matching;

namespace Tandem.Storage.SyncState;

/// <summary>
/// Matching: a linked record that only moved keeps its link, a link whose deleted record was re-created
/// is released, then unlinked records are linked by their keys (<see cref="IdentityMatcher"/>) and each
/// one's verdict is stored for planning.
/// </summary>
internal sealed class MatchingSql
{
    // A link whose record on one side was deleted (handled already, or just reported) is released when
    // that side has a new, unlinked record sharing a key with the survivor (the contact was re-created):
    // matching then pairs them, before the deletion could tag the survivor.
    // Likeness keys release nothing: a new contact with the same name and phone is only a possible match.
    // {0}/{1}: the deleted side's id and flag columns, {2}: the deleted side, {3}: the surviving side's id column, {4}: the surviving side, {5}: the likeness kind.
    private const string ReleaseTemplate = """
        DELETE FROM links WHERE connection_id = @c
          AND ({1} = 1 OR EXISTS (SELECT 1 FROM records d WHERE d.connection_id = @c AND d.side = {2} AND d.record_id = links.{0} AND d.deleted = 1))
          AND EXISTS (
            SELECT 1 FROM records s
            JOIN match_keys sk ON sk.connection_id = @c AND sk.side = {4} AND sk.record_id = s.record_id AND sk.key NOT LIKE '{5}:%'
            JOIN match_keys nk ON nk.connection_id = @c AND nk.side = {2} AND nk.key = sk.key
            JOIN records n ON n.connection_id = @c AND n.side = {2} AND n.record_id = nk.record_id AND n.deleted = 0
            WHERE s.connection_id = @c AND s.side = {4} AND s.record_id = links.{3} AND s.deleted = 0
              AND NOT EXISTS (SELECT 1 FROM links l2 WHERE l2.connection_id = @c AND l2.{0} = n.record_id))
        """;

    // A linked record that disappeared while an unlinked record with the very same content appeared on
    // its side only moved (a renamed file, a new id): the link follows it and nothing is written
    // (SYNC-INVARIANTS 5). {0}: the side, {1}: its link column.
    private const string MovedTemplate = """
        SELECT l.id, o.record_id, n.record_id
        FROM records o
        JOIN links l ON l.connection_id = @c AND l.{1} = o.record_id
        JOIN records n ON n.connection_id = @c AND n.side = {0} AND n.content_hash = o.content_hash AND n.deleted = 0 AND n.dirty = 1
        WHERE o.connection_id = @c AND o.side = {0} AND o.deleted = 1 AND o.dirty = 1
          AND NOT EXISTS (SELECT 1 FROM links l2 WHERE l2.connection_id = @c AND l2.{1} = n.record_id)
        """;

    // Every key of a live record that an unlinked live record holds too: the unlinked records with all
    // their keys, and the linked ones that stand in their way.
    private const string Holders = """
        WITH live AS (
            SELECT k.side, k.record_id, k.key, r.match_issue,
                   CASE WHEN k.side = 0 THEN (CASE WHEN EXISTS (SELECT 1 FROM links l WHERE l.connection_id = @c AND l.a_id = k.record_id) THEN 1 ELSE 0 END)
                        ELSE (CASE WHEN EXISTS (SELECT 1 FROM links l WHERE l.connection_id = @c AND l.b_id = k.record_id) THEN 1 ELSE 0 END) END AS linked
            FROM match_keys k
            JOIN records r ON r.connection_id = @c AND r.side = k.side AND r.record_id = k.record_id AND r.deleted = 0
            WHERE k.connection_id = @c)
        SELECT side, record_id, key, match_issue, linked FROM live
        WHERE key IN (SELECT key FROM live WHERE linked = 0)
        ORDER BY side, record_id, key
        """;

    // A verdict kept by a record that holds no key any more (its only email removed) is stale: it is cleared and the record planned again.
    private const string ClearKeyless = """
        UPDATE records SET match_issue = NULL, dirty = CASE WHEN dirty = 0 THEN 1 ELSE dirty END
        WHERE connection_id = @c AND match_issue IS NOT NULL AND deleted = 0
          AND NOT EXISTS (SELECT 1 FROM match_keys k WHERE k.connection_id = @c AND k.side = records.side AND k.record_id = records.record_id)
        """;

    private const int Rows = 32;

    private readonly SessionScope scope;
    private readonly PossibleMatchSql possibleMatches;

    public MatchingSql(SessionScope scope)
    {
        this.scope = scope;
        possibleMatches = new PossibleMatchSql(scope);
    }

    /// <summary>
    /// Matches on the kinds of key given, in order of precedence, after linking the pairs the user linked; proposes
    /// possible matches for what is left. Unless forced, only when some record is dirty or a decision is new.
    /// Returns the number of new links.
    /// </summary>
    public Task<int> MatchAsync(bool force, IReadOnlyList<string> kindsInOrder, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                await using var anyDirty = scope.Statement(tx, "SELECT COUNT(*) FROM (SELECT 1 FROM records WHERE connection_id = @c AND dirty = 1 LIMIT 1) d");
                var decided = await possibleMatches.UnsettledAsync(tx, cancellationToken);
                if (!force && decided.Count == 0 && await anyDirty.Set("c", scope.ConnectionId).ScalarAsync(cancellationToken) == 0)
                {
                    return 0;
                }

                await FollowMovesAsync(tx, cancellationToken);
                foreach (var (idColumn, flagColumn, deletedSide, survivorColumn, survivorSide) in new[] { ("a_id", "a_deleted", 0, "b_id", 1), ("b_id", "b_deleted", 1, "a_id", 0) })
                {
                    await using var release = scope.Statement(tx, string.Format(CultureInfo.InvariantCulture, ReleaseTemplate, idColumn, flagColumn, deletedSide, survivorColumn, survivorSide, MatchKey.LikenessKind));
                    await release.Set("c", scope.ConnectionId).ExecuteAsync(cancellationToken);
                }

                var linkedByUser = await possibleMatches.ToLinkAsync(tx, cancellationToken);
                await LinkAsync(tx, linkedByUser, cancellationToken);
                var holders = await ReadHoldersAsync(tx, cancellationToken);
                var outcome = IdentityMatcher.Match(holders, kindsInOrder);
                await LinkAsync(tx, outcome.Links, cancellationToken);
                var (proposed, verdicts) = PossibleMatchFinder.Find(holders, outcome, await possibleMatches.KeptApartAsync(tx, cancellationToken));
                await possibleMatches.SaveAsync(tx, proposed, decided, cancellationToken);
                await StoreVerdictsAsync(tx, holders, verdicts, cancellationToken);
                await using var clear = scope.Statement(tx, ClearKeyless);
                await clear.Set("c", scope.ConnectionId).ExecuteAsync(cancellationToken);
                return linkedByUser.Count + outcome.Links.Count;
            },
            cancellationToken);

    private async Task<IReadOnlyList<KeyHolder>> ReadHoldersAsync(DbTransaction tx, CancellationToken cancellationToken)
    {
        var holders = new List<KeyHolder>();
        await using var select = scope.Statement(tx, Holders);
        await using var reader = await select.Set("c", scope.ConnectionId).ReaderAsync(cancellationToken);
        (Side Side, string Id)? current = null;
        var keys = new List<string>();
        var (linked, stored) = (false, (MatchVerdict?)null);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = ((Side)WorkSql.Long(reader, 0), reader.GetString(1));
            if (row != current)
            {
                Flush();
                current = row;
                keys = [];
                (linked, stored) = (WorkSql.Long(reader, 4) != 0, MatchVerdict.Parse(WorkSql.Text(reader, 3)));
            }

            keys.Add(reader.GetString(2));
        }

        Flush();
        return holders;

        void Flush()
        {
            if (current is { } c)
            {
                holders.Add(new KeyHolder(c.Side, c.Id, linked, keys, stored));
            }
        }
    }

    private async Task LinkAsync(DbTransaction tx, IReadOnlyList<(string AId, string BId)> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return;
        }

        foreach (var chunk in links.Chunk(Rows))
        {
            var sql = "INSERT INTO links (connection_id, a_id, b_id, baseline, a_deleted, b_deleted, rules_state, updated_at) VALUES "
                + SqlInList.Rows(chunk.Length, "(@c, @p{r}_0, @p{r}_1, NULL, 0, 0, 'new', @t)") + " ON CONFLICT DO NOTHING";
            await using var insert = scope.Statement(tx, sql);
            insert.Set("c", scope.ConnectionId).Set("t", scope.Now);
            for (var r = 0; r < chunk.Length; r++)
            {
                SqlInList.BindRow(insert, r, chunk[r].AId, chunk[r].BId);
            }

            await insert.ExecuteAsync(cancellationToken);
        }

        foreach (var (side, column) in new[] { (0, "a_id"), (1, "b_id") })
        {
            await using var dirty = scope.Statement(tx, $"UPDATE records SET dirty = 1, match_issue = NULL WHERE connection_id = @c AND side = {side} AND record_id IN (SELECT {column} FROM links WHERE connection_id = @c AND rules_state = 'new')");
            await dirty.Set("c", scope.ConnectionId).ExecuteAsync(cancellationToken);
        }

        await using var done = scope.Statement(tx, "UPDATE links SET rules_state = NULL WHERE connection_id = @c AND rules_state = 'new'");
        await done.Set("c", scope.ConnectionId).ExecuteAsync(cancellationToken);
    }

    // A record whose verdict changed is planned again: a twin whose double was deleted may now be
    // created, a contact that became ambiguous gets the reason in its health.
    private async Task StoreVerdictsAsync(DbTransaction tx, IReadOnlyList<KeyHolder> holders, IReadOnlyDictionary<(Side Side, string Id), MatchVerdict?> verdicts, CancellationToken cancellationToken)
    {
        foreach (var holder in holders.Where(h => !h.Linked))
        {
            if (!verdicts.TryGetValue((holder.Side, holder.Id), out var verdict) || verdict == holder.Stored)
            {
                continue;
            }

            await using var update = scope.Statement(tx, "UPDATE records SET match_issue = @v, dirty = CASE WHEN dirty = 0 THEN 1 ELSE dirty END WHERE connection_id = @c AND side = @s AND record_id = @id");
            await update.Set("v", verdict?.Format()).Set("c", scope.ConnectionId).Set("s", (int)holder.Side).Set("id", holder.Id).ExecuteAsync(cancellationToken);
        }
    }

    private async Task FollowMovesAsync(DbTransaction tx, CancellationToken cancellationToken)
    {
        foreach (var (side, column) in new[] { (0, "a_id"), (1, "b_id") })
        {
            var moves = new List<(long Link, string From, string To)>();
            await using (var find = scope.Statement(tx, string.Format(CultureInfo.InvariantCulture, MovedTemplate, side, column)))
            {
                await using var reader = await find.Set("c", scope.ConnectionId).ReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    moves.Add((WorkSql.Long(reader, 0), reader.GetString(1), reader.GetString(2)));
                }
            }

            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (link, from, to) in moves)
            {
                if (!taken.Add(to) || !taken.Add("from:" + from))
                {
                    continue;
                }

                await using var repoint = scope.Statement(tx, $"UPDATE links SET {column} = @to, updated_at = @t WHERE id = @l AND connection_id = @c");
                await repoint.Set("to", to).Set("t", scope.Now).Set("l", link).Set("c", scope.ConnectionId).ExecuteAsync(cancellationToken);
                await using var settle = scope.Statement(tx, "UPDATE records SET dirty = 0 WHERE connection_id = @c AND side = @s AND record_id = @id");
                await settle.Set("c", scope.ConnectionId).Set("s", side).Set("id", from).ExecuteAsync(cancellationToken);
            }
        }
    }
}
