using Microsoft.EntityFrameworkCore;
using Tandem.Engine.Matching;

namespace Tandem.Storage.Matching;

/// <summary>
/// The "Possible matches" review queue of a connection: the pairs matching proposed and the user's decisions,
/// which the next run takes into account (a linked pair syncs as one, a pair kept apart is never proposed again).
/// </summary>
public sealed class PossibleMatchStore(TandemDatabase database, TimeProvider timeProvider)
{
    /// <summary>The pairs waiting for the user, oldest first, whose two records are still live and linked to nothing.</summary>
    public async Task<IReadOnlyList<StoredPossibleMatch>> ListPendingAsync(string connectionId, int limit, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        var live = context.Records.AsNoTracking().Where(r => r.ConnectionId == connectionId && !r.Deleted);
        var links = context.Links.AsNoTracking().Where(l => l.ConnectionId == connectionId);
        var pending = (int)PossibleMatchDecision.Pending;
        var query =
            from p in context.PossibleMatches.AsNoTracking()
            where p.ConnectionId == connectionId && p.Decision == pending
            join a in live.Where(r => r.Side == 0) on p.AId equals a.RecordId
            join b in live.Where(r => r.Side == 1) on p.BId equals b.RecordId
            where !links.Any(l => l.AId == p.AId || l.BId == p.BId)
            orderby p.ProposedAt, p.Id
            select new StoredPossibleMatch(p.Id, p.AId, a.Snapshot, p.BId, b.Snapshot, p.SharedKey);
        return await query.Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records the user's decision on a pending pair; the connection's next run takes it into account. False when
    /// the connection has no pending pair with that id (already decided, withdrawn, or another connection's).
    /// </summary>
    public async Task<bool> DecideAsync(string connectionId, long id, PossibleMatchDecision decision, CancellationToken cancellationToken)
    {
        if (decision == PossibleMatchDecision.Pending)
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "A decision links or keeps apart.");
        }

        await using var context = database.CreateDbContext();
        var (pending, decided, now) = ((int)PossibleMatchDecision.Pending, (int)decision, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        var changed = await context.PossibleMatches
            .Where(p => p.ConnectionId == connectionId && p.Id == id && p.Decision == pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Decision, decided).SetProperty(p => p.Settled, false).SetProperty(p => p.DecidedAt, now), cancellationToken);
        return changed == 1;
    }
}
