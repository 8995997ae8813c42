using System.Data.Common;
using System.Globalization;
using Tandem.Engine.Matching;

namespace Tandem.Storage.SyncState;

/// <summary>
/// The possible matches of a connection during matching: the user's decisions read before the matcher runs
/// (pairs to link, pairs kept apart), the pairs proposed now saved after it, and decisions marked settled.
/// </summary>
internal sealed class PossibleMatchSql
{
    private const int Rows = 32;

    private static readonly int Pending = (int)PossibleMatchDecision.Pending;

    // Pairs the user linked whose two records are live and linked to nothing else: this run links them.
    private static readonly string LinkedPairs = string.Create(CultureInfo.InvariantCulture, $"""
        SELECT p.a_id, p.b_id FROM possible_matches p
        JOIN records a ON a.connection_id = @c AND a.side = 0 AND a.record_id = p.a_id AND a.deleted = 0
        JOIN records b ON b.connection_id = @c AND b.side = 1 AND b.record_id = p.b_id AND b.deleted = 0
        WHERE p.connection_id = @c AND p.decision = {(int)PossibleMatchDecision.Link}
          AND NOT EXISTS (SELECT 1 FROM links l WHERE l.connection_id = @c AND (l.a_id = p.a_id OR l.b_id = p.b_id))
        ORDER BY p.decided_at, p.id
        """);

    private static readonly string KeptApart = string.Create(CultureInfo.InvariantCulture, $"SELECT a_id, b_id FROM possible_matches WHERE connection_id = @c AND decision = {(int)PossibleMatchDecision.KeepApart}");

    private static readonly string Unsettled = string.Create(CultureInfo.InvariantCulture, $"SELECT id FROM possible_matches WHERE connection_id = @c AND decision <> {Pending} AND settled = 0");

    private static readonly string PendingPairs = string.Create(CultureInfo.InvariantCulture, $"SELECT id, a_id, b_id FROM possible_matches WHERE connection_id = @c AND decision = {Pending}");

    private readonly SessionScope scope;

    public PossibleMatchSql(SessionScope scope)
    {
        this.scope = scope;
    }

    /// <summary>Decisions no run has taken into account yet: they make the next matching run even when nothing changed.</summary>
    public async Task<IReadOnlyList<long>> UnsettledAsync(DbTransaction tx, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        await using var select = scope.Statement(tx, Unsettled);
        await using var reader = await select.Set("c", scope.ConnectionId).ReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(WorkSql.Long(reader, 0));
        }

        return ids;
    }

    /// <summary>The pairs the user linked that can be linked now, each record in one pair at most.</summary>
    public async Task<IReadOnlyList<(string AId, string BId)>> ToLinkAsync(DbTransaction tx, CancellationToken cancellationToken)
    {
        var pairs = await PairsAsync(tx, LinkedPairs, cancellationToken);
        var (a, b) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        return [.. pairs.Where(p => a.Add(p.AId) & b.Add(p.BId))];
    }

    public async Task<IReadOnlySet<(string AId, string BId)>> KeptApartAsync(DbTransaction tx, CancellationToken cancellationToken) =>
        (await PairsAsync(tx, KeptApart, cancellationToken)).ToHashSet();

    /// <summary>Proposes <paramref name="pairs"/>, withdraws pending pairs that are no longer likely (linked, changed, gone), and settles the decisions read.</summary>
    public async Task SaveAsync(DbTransaction tx, IReadOnlyList<PossibleMatchPair> pairs, IReadOnlyList<long> settled, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<(string, string), long>();
        await using (var select = scope.Statement(tx, PendingPairs))
        {
            await using var reader = await select.Set("c", scope.ConnectionId).ReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pending[(reader.GetString(1), reader.GetString(2))] = WorkSql.Long(reader, 0);
            }
        }

        var wanted = pairs.Select(p => (p.AId, p.BId)).ToHashSet();
        var stale = pending.Where(p => !wanted.Contains(p.Key)).Select(p => (object?)p.Value).ToList();
        await ByIdAsync(tx, "DELETE FROM possible_matches", stale, cancellationToken);
        await ByIdAsync(tx, "UPDATE possible_matches SET settled = 1", [.. settled.Select(id => (object?)id)], cancellationToken);

        foreach (var chunk in pairs.Where(p => !pending.ContainsKey((p.AId, p.BId))).Chunk(Rows))
        {
            var sql = "INSERT INTO possible_matches (connection_id, a_id, b_id, shared_key, decision, settled, proposed_at) VALUES "
                + SqlInList.Rows(chunk.Length, $"(@c, @p{{r}}_0, @p{{r}}_1, @p{{r}}_2, {Pending}, 0, @t)") + " ON CONFLICT DO NOTHING";
            await using var insert = scope.Statement(tx, sql);
            insert.Set("c", scope.ConnectionId).Set("t", scope.Now);
            for (var r = 0; r < chunk.Length; r++)
            {
                SqlInList.BindRow(insert, r, chunk[r].AId, chunk[r].BId, chunk[r].SharedKey);
            }

            await insert.ExecuteAsync(cancellationToken);
        }
    }

    private async Task ByIdAsync(DbTransaction tx, string statement, IReadOnlyList<object?> ids, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(SqlInList.MaxItems))
        {
            await using var update = scope.Statement(tx, $"{statement} WHERE connection_id = @c AND id IN ({SqlInList.Parameters("i", chunk.Length)})");
            SqlInList.Bind(update.Set("c", scope.ConnectionId), "i", chunk);
            await update.ExecuteAsync(cancellationToken);
        }
    }

    private async Task<List<(string AId, string BId)>> PairsAsync(DbTransaction tx, string sql, CancellationToken cancellationToken)
    {
        var pairs = new List<(string, string)>();
        await using var select = scope.Statement(tx, sql);
        await using var reader = await select.Set("c", scope.ConnectionId).ReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }
}
