using System.Data.Common;
using Tandem.Domain.Configuration;
using Tandem.Engine.Matching;
using Tandem.Engine.State;

namespace Tandem.Storage.SyncState;

/// <summary>Handing out dirty records with their links, page by page.</summary>
internal sealed class WorkSql
{
    // A record holds a key to match by when it holds one that is not a likeness key (those only propose pairs).
    // {0}: the dirty side's link column, {1}: the other side's link column, {2}: the dirty side, {3}: the other side, {4}: the likeness kind.
    private const string NextTemplate = """
        SELECT r.record_id, r.version, r.content_hash, r.email_key, r.snapshot, r.deleted,
               CASE WHEN EXISTS (SELECT 1 FROM match_keys k WHERE k.connection_id = @c AND k.side = {2} AND k.record_id = r.record_id AND k.key NOT LIKE '{4}:%') THEN 1 ELSE 0 END,
               CASE WHEN l.id IS NULL THEN r.match_issue ELSE NULL END,
               l.id, l.a_id, l.b_id, l.baseline, l.a_deleted, l.b_deleted,
               o.record_id, o.version, o.content_hash, o.email_key, o.snapshot, o.deleted,
               CASE WHEN EXISTS (SELECT 1 FROM match_keys k WHERE k.connection_id = @c AND k.side = {3} AND k.record_id = o.record_id AND k.key NOT LIKE '{4}:%') THEN 1 ELSE 0 END
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

    public async Task<IReadOnlyList<WorkItem>> NextDirtyAsync(Side side, int max, CancellationToken cancellationToken)
    {
        var (mine, theirs) = side == Side.A ? ("a_id", "b_id") : ("b_id", "a_id");
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, NextTemplate, mine, theirs, (int)side, (int)side.Other(), MatchKey.LikenessKind);
        await using var select = scope.Statement(scope.DryRunTransaction, sql);
        await using var reader = await select.Set("c", scope.ConnectionId).Set("n", max).ReaderAsync(cancellationToken);
        var items = new List<WorkItem>(max);
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = ReadRecord(reader, 0) with { Match = MatchVerdict.Parse(Text(reader, 7)) };
            var link = reader.IsDBNull(8) ? null : new LinkState(Long(reader, 8), Text(reader, 9), Text(reader, 10), Text(reader, 11), Long(reader, 12) != 0, Long(reader, 13) != 0);
            var other = reader.IsDBNull(14) ? null : ReadRecord(reader, 14);
            items.Add(side == Side.A ? new WorkItem(link, record, other) : new WorkItem(link, other, record));
        }

        return items;
    }

    // Seven columns: id, version, content hash, email key, snapshot, deleted, holds a matching key.
    private static StoredRecord ReadRecord(DbDataReader reader, int at) =>
        new(reader.GetString(at), Text(reader, at + 1), Long(reader, at + 2), Text(reader, at + 3), Text(reader, at + 4), Long(reader, at + 5) != 0) { HasMatchKey = Long(reader, at + 6) != 0 };

    // PostgreSQL answers int4 or int8 where SQLite always answers int8.
    internal static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    internal static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
