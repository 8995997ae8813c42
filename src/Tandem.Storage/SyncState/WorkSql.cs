using System.Data.Common;
using Tandem.Domain.Configuration;
using Tandem.Engine.State;

namespace Tandem.Storage.SyncState;

/// <summary>Matching by email and handing out dirty records with their links, page by page.</summary>
internal sealed class WorkSql
{
    // Links an unlinked live record to the one unlinked live record of the other side with the same
    // email, when that email occurs exactly once on each side. {0} names the side that drives the
    // match. It runs only when something is dirty, so a quiet run does no scan; it is not limited to
    // dirty records, so an ambiguity that a deletion resolved is matched too.
    private const string MatchTemplate = """
        INSERT INTO links (connection_id, a_id, b_id, baseline, a_deleted, b_deleted, rules_state, updated_at)
        SELECT @c, a.record_id, b.record_id, NULL, 0, 0, 'new', @t
        FROM records {0}
        JOIN records {1} ON {1}.connection_id = @c AND {1}.side = {3} AND {1}.email_key = {0}.email_key AND {1}.deleted = 0
        WHERE {0}.connection_id = @c AND {0}.side = {2} AND {0}.deleted = 0 AND {0}.email_key IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM links l WHERE l.connection_id = @c AND l.a_id = a.record_id)
          AND NOT EXISTS (SELECT 1 FROM links l WHERE l.connection_id = @c AND l.b_id = b.record_id)
          AND NOT EXISTS (SELECT 1 FROM records a2 WHERE a2.connection_id = @c AND a2.side = 0 AND a2.email_key = a.email_key AND a2.deleted = 0 AND a2.record_id <> a.record_id)
          AND NOT EXISTS (SELECT 1 FROM records b2 WHERE b2.connection_id = @c AND b2.side = 1 AND b2.email_key = b.email_key AND b2.deleted = 0 AND b2.record_id <> b.record_id)
        ON CONFLICT DO NOTHING
        """;

    // A link whose record on one side was deleted (handled already, or just reported) is released when
    // that side has a new, unlinked record with the survivor's email (the contact was re-created): the
    // match below then pairs them, before the deletion could tag the survivor.
    // {0}/{1}: the deleted side's id and flag columns, {2}: the deleted side, {3}: the surviving side's id column, {4}: the surviving side.
    private const string ReleaseTemplate = """
        DELETE FROM links WHERE connection_id = @c
          AND ({1} = 1 OR EXISTS (SELECT 1 FROM records d WHERE d.connection_id = @c AND d.side = {2} AND d.record_id = links.{0} AND d.deleted = 1))
          AND EXISTS (
            SELECT 1 FROM records s
            JOIN records n ON n.connection_id = @c AND n.side = {2} AND n.email_key = s.email_key AND n.deleted = 0
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

    // {0}: the dirty side's link column, {1}: the other side's link column, {2}: the dirty side, {3}: the other side.
    private const string NextTemplate = """
        SELECT r.record_id, r.version, r.content_hash, r.email_key, r.snapshot, r.deleted,
               CASE WHEN l.id IS NULL AND r.email_key IS NOT NULL THEN (SELECT COUNT(*) FROM records x WHERE x.connection_id = @c AND x.side = {2} AND x.email_key = r.email_key AND x.deleted = 0) ELSE 0 END,
               CASE WHEN l.id IS NULL AND r.email_key IS NOT NULL THEN (SELECT COUNT(*) FROM records y WHERE y.connection_id = @c AND y.side = {3} AND y.email_key = r.email_key AND y.deleted = 0) ELSE 0 END,
               l.id, l.a_id, l.b_id, l.baseline, l.a_deleted, l.b_deleted,
               o.record_id, o.version, o.content_hash, o.email_key, o.snapshot, o.deleted
        FROM records r
        LEFT JOIN links l ON l.connection_id = @c AND l.{0} = r.record_id
        LEFT JOIN records o ON o.connection_id = @c AND o.side = {3} AND o.record_id = l.{1}
        WHERE r.connection_id = @c AND r.dirty = 1 AND r.side = {2}
        LIMIT @n
        """;

    private readonly SessionScope scope;

    public WorkSql(SessionScope scope)
    {
        this.scope = scope;
    }

    public Task<int> MatchByEmailAsync(bool force, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                await using var anyDirty = scope.Statement(tx, "SELECT COUNT(*) FROM (SELECT 1 FROM records WHERE connection_id = @c AND dirty = 1 LIMIT 1) d");
                if (!force && await anyDirty.Set("c", scope.ConnectionId).ScalarAsync(cancellationToken) == 0)
                {
                    return 0;
                }

                await FollowMovesAsync(tx, cancellationToken);
                foreach (var (idColumn, flagColumn, deletedSide, survivorColumn, survivorSide) in new[] { ("a_id", "a_deleted", 0, "b_id", 1), ("b_id", "b_deleted", 1, "a_id", 0) })
                {
                    await using var release = scope.Statement(tx, string.Format(System.Globalization.CultureInfo.InvariantCulture, ReleaseTemplate, idColumn, flagColumn, deletedSide, survivorColumn, survivorSide));
                    await release.Set("c", scope.ConnectionId).ExecuteAsync(cancellationToken);
                }

                var linked = 0;
                foreach (var (driver, other, driverSide, otherSide) in new[] { ("a", "b", 0, 1), ("b", "a", 1, 0) })
                {
                    await using var match = scope.Statement(tx, string.Format(System.Globalization.CultureInfo.InvariantCulture, MatchTemplate, driver, other, driverSide, otherSide));
                    linked += await match.Set("c", scope.ConnectionId).Set("t", scope.Now).ExecuteAsync(cancellationToken);
                }

                if (linked > 0)
                {
                    foreach (var (side, column) in new[] { (0, "a_id"), (1, "b_id") })
                    {
                        await using var dirty = scope.Statement(tx, $"UPDATE records SET dirty = 1 WHERE connection_id = @c AND side = {side} AND dirty <> 1 AND record_id IN (SELECT {column} FROM links WHERE connection_id = @c AND rules_state = 'new')");
                        await dirty.Set("c", scope.ConnectionId).ExecuteAsync(cancellationToken);
                    }

                    await using var done = scope.Statement(tx, "UPDATE links SET rules_state = NULL WHERE connection_id = @c AND rules_state = 'new'");
                    await done.Set("c", scope.ConnectionId).ExecuteAsync(cancellationToken);
                }

                return linked;
            },
            cancellationToken);

    private async Task FollowMovesAsync(System.Data.Common.DbTransaction tx, CancellationToken cancellationToken)
    {
        foreach (var (side, column) in new[] { (0, "a_id"), (1, "b_id") })
        {
            var moves = new List<(long Link, string From, string To)>();
            await using (var find = scope.Statement(tx, string.Format(System.Globalization.CultureInfo.InvariantCulture, MovedTemplate, side, column)))
            {
                await using var reader = await find.Set("c", scope.ConnectionId).ReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    moves.Add((Long(reader, 0), reader.GetString(1), reader.GetString(2)));
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

    public async Task<IReadOnlyList<WorkItem>> NextDirtyAsync(Side side, int max, CancellationToken cancellationToken)
    {
        var (mine, theirs) = side == Side.A ? ("a_id", "b_id") : ("b_id", "a_id");
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, NextTemplate, mine, theirs, (int)side, (int)side.Other());
        await using var select = scope.Statement(scope.DryRunTransaction, sql);
        await using var reader = await select.Set("c", scope.ConnectionId).Set("n", max).ReaderAsync(cancellationToken);
        var items = new List<WorkItem>(max);
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = ReadRecord(reader, 0) with { SameSideEmailCount = (int)Long(reader, 6), OtherSideEmailCount = (int)Long(reader, 7) };
            var link = reader.IsDBNull(8) ? null : new LinkState(Long(reader, 8), Text(reader, 9), Text(reader, 10), Text(reader, 11), Long(reader, 12) != 0, Long(reader, 13) != 0);
            var other = reader.IsDBNull(14) ? null : ReadRecord(reader, 14);
            items.Add(side == Side.A ? new WorkItem(link, record, other) : new WorkItem(link, other, record));
        }

        return items;
    }

    private static StoredRecord ReadRecord(DbDataReader reader, int at) =>
        new(reader.GetString(at), Text(reader, at + 1), Long(reader, at + 2), Text(reader, at + 3), Text(reader, at + 4), Long(reader, at + 5) != 0);

    // PostgreSQL answers int4 or int8 where SQLite always answers int8.
    private static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
