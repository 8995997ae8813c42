using System.Data.Common;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Engine.Snapshots;

namespace Tandem.Storage.SyncState;

/// <summary>
/// Reads every live record's matching keys again from its stored snapshot when the connection's matching
/// settings changed (phone or a custom field turned on, another order) or the keys predate them.
/// </summary>
internal sealed class RekeySql
{
    private const int Page = 500;

    private const string NextPage = """
        SELECT side, record_id, version, snapshot FROM records
        WHERE connection_id = @c AND deleted = 0 AND snapshot IS NOT NULL AND (side > @s OR (side = @s AND record_id > @id))
        ORDER BY side, record_id
        LIMIT @n
        """;

    // Records that were not linked may now be linked, created or excluded for another reason: plan them again.
    private const string WakeUnlinked = """
        UPDATE records SET dirty = 1
        WHERE connection_id = @c AND deleted = 0 AND dirty = 0
          AND NOT EXISTS (SELECT 1 FROM links l WHERE l.connection_id = @c AND ((records.side = 0 AND l.a_id = records.record_id) OR (records.side = 1 AND l.b_id = records.record_id)))
        """;

    private readonly SessionScope scope;

    public RekeySql(SessionScope scope)
    {
        this.scope = scope;
    }

    public Task<int> RekeyAsync(string signature, Func<Side, ContactRecord, IReadOnlyList<string>> keysOf, CancellationToken cancellationToken) =>
        scope.InTransactionAsync(
            async tx =>
            {
                await using (var stored = scope.Statement(tx, "SELECT COUNT(*) FROM match_settings WHERE connection_id = @c AND signature = @g"))
                {
                    if (await stored.Set("c", scope.ConnectionId).Set("g", signature).ScalarAsync(cancellationToken) > 0)
                    {
                        return 0;
                    }
                }

                var read = 0;
                var (side, id) = (-1, string.Empty);
                while (true)
                {
                    var page = await ReadPageAsync(tx, side, id, cancellationToken);
                    if (page.Count == 0)
                    {
                        break;
                    }

                    await MatchKeySql.ReplaceAsync(scope, tx, [.. page.Select(r => (r.Side, r.Id, keysOf((Side)r.Side, RecordSnapshot.Deserialize(r.Id, r.Version, r.Snapshot))))], cancellationToken);
                    read += page.Count;
                    (side, id) = (page[^1].Side, page[^1].Id);
                }

                await using (var wake = scope.Statement(tx, WakeUnlinked))
                {
                    await wake.Set("c", scope.ConnectionId).ExecuteAsync(cancellationToken);
                }

                await using var save = scope.Statement(tx, "INSERT INTO match_settings (connection_id, signature) VALUES (@c, @g) ON CONFLICT (connection_id) DO UPDATE SET signature = excluded.signature");
                await save.Set("c", scope.ConnectionId).Set("g", signature).ExecuteAsync(cancellationToken);
                return read;
            },
            cancellationToken);

    private async Task<List<(int Side, string Id, string? Version, string Snapshot)>> ReadPageAsync(DbTransaction tx, int side, string id, CancellationToken cancellationToken)
    {
        var page = new List<(int, string, string?, string)>(Page);
        await using var select = scope.Statement(tx, NextPage);
        await using var reader = await select.Set("c", scope.ConnectionId).Set("s", side).Set("id", id).Set("n", Page).ReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(((int)WorkSql.Long(reader, 0), reader.GetString(1), WorkSql.Text(reader, 2), reader.GetString(3)));
        }

        return page;
    }
}
