using Microsoft.EntityFrameworkCore;
using Tandem.Domain.Configuration;
using Tandem.Engine.Matching;
using Tandem.Runtime.Hosting;
using Tandem.Web.Identity;
using Tandem.Web.Services.Connections;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.Services.Status;

/// <summary>
/// Existing duplicates: contacts that have a twin in their own app (one matching key held by several live
/// records of a side), with every record of each set, so the user can merge them in the app.
/// </summary>
public sealed class DuplicateService(TandemRuntime runtime, ConnectionService connections, ContactNames names)
{
    public const int MaxGroups = 200;

    public async Task<IReadOnlyList<DuplicateGroup>> ListAsync(Owner owner, string connectionId, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxGroups)
        {
            throw new InvalidRequestException($"limit must be between 1 and {MaxGroups}.");
        }

        var stored = await connections.GetStoredAsync(owner, connectionId, cancellationToken);
        await using var context = runtime.Database.CreateDbContext();
        // Likeness keys (a name with a phone or company) only propose possible matches: two people of one app may share them.
        var likeness = MatchKey.LikenessKind + ":";
        var live = context.MatchKeys.AsNoTracking()
            .Where(k => k.ConnectionId == stored.Id && !k.Key.StartsWith(likeness))
            .Join(
                context.Records.AsNoTracking().Where(r => r.ConnectionId == stored.Id && r.Deleted == false),
                k => new { k.Side, k.RecordId },
                r => new { r.Side, r.RecordId },
                (k, r) => new { k.Side, k.Key, k.RecordId, r.EmailKey, r.Snapshot });
        var shared = await live
            .GroupBy(x => new { x.Side, x.Key })
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key.Side).ThenBy(g => g.Key.Key)
            .Take(limit)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
        if (shared.Count == 0)
        {
            return [];
        }

        var keys = shared.Select(s => s.Key).Distinct().ToList();
        var rows = await live.Where(x => keys.Contains(x.Key)).OrderBy(x => x.RecordId).ToListAsync(cancellationToken);
        var namers = new Dictionary<int, Func<string, string?, string?>>();
        foreach (var side in shared.Select(s => s.Side).Distinct())
        {
            var account = await runtime.Accounts.GetAsync(side == (int)Side.A ? stored.AccountAId : stored.AccountBId, cancellationToken);
            namers[side] = await names.ForAsync(account, cancellationToken);
        }

        return shared.ConvertAll(s =>
        {
            var kind = MatchKey.KindOf(s.Key);
            return new DuplicateGroup(
                (Side)s.Side,
                MatchKey.Describe(kind).One,
                s.Key[(kind.Length + 1)..],
                [.. rows.Where(r => r.Side == s.Side && r.Key == s.Key).Select(r => new DuplicateContact(r.RecordId, namers[s.Side](r.RecordId, r.Snapshot), r.EmailKey))]);
        });
    }
}
