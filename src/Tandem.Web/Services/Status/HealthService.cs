using Microsoft.EntityFrameworkCore;
using Tandem.Domain.Configuration;
using Tandem.Engine.State;
using Tandem.Runtime.Hosting;
using Tandem.Web.Identity;
using Tandem.Web.Services.Connections;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.Services.Status;

/// <summary>A connection's health counts, grouped by reason down to each contact (PRODUCT.md §6).</summary>
public sealed class HealthService(TandemRuntime runtime, ConnectionService connections, ContactNames names)
{
    public const int MaxPage = 500;

    public async Task<HealthView> GetAsync(Owner owner, string connectionId, CancellationToken cancellationToken)
    {
        var stored = await connections.GetStoredAsync(owner, connectionId, cancellationToken);
        var status = await runtime.Status.GetAsync(stored, cancellationToken);
        await using var context = runtime.Database.CreateDbContext();
        var groups = await context.Health.AsNoTracking()
            .Where(h => h.ConnectionId == stored.Id)
            .GroupBy(h => new { h.Side, h.Status, h.Reason })
            .Select(g => new { g.Key.Side, g.Key.Status, g.Key.Reason, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var seen = await context.Records.AsNoTracking()
            .Where(r => r.ConnectionId == stored.Id && r.Deleted == false)
            .GroupBy(r => r.Side)
            .Select(g => new { Side = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // In a one-way connection the target's own contacts are not sent by design: they are not "excluded".
        var target = stored.Settings.Direction switch { SyncDirection.AToB => (int?)Side.B, SyncDirection.BToA => (int?)Side.A, _ => null };
        var notSent = groups.Where(g => g.Side == target && g.Status == (int)HealthStatus.Excluded).Sum(g => g.Count);
        return new HealthView(
            status.InSync,
            status.Excluded - notSent,
            status.Failed,
            groups.Where(g => g.Status != (int)HealthStatus.InSync && !(g.Side == target && g.Status == (int)HealthStatus.Excluded))
                .OrderByDescending(g => g.Count).ThenBy(g => g.Side).ThenBy(g => g.Reason, StringComparer.Ordinal)
                .Select(g => new HealthGroup((Side)g.Side, (HealthStatus)g.Status, g.Reason, g.Count))
                .ToList(),
            seen.FirstOrDefault(s => s.Side == (int)Side.A)?.Count ?? 0,
            seen.FirstOrDefault(s => s.Side == (int)Side.B)?.Count ?? 0);
    }

    /// <summary>The contacts with a health, optionally of one status, reason and side, a page at a time.</summary>
    public async Task<IReadOnlyList<HealthContact>> ContactsAsync(
        Owner owner,
        string connectionId,
        HealthStatus? status,
        string? reason,
        Side? side,
        int limit,
        int offset,
        CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPage || offset < 0)
        {
            throw new InvalidRequestException($"limit must be between 1 and {MaxPage}, and offset at least 0.");
        }

        var stored = await connections.GetStoredAsync(owner, connectionId, cancellationToken);
        await using var context = runtime.Database.CreateDbContext();
        var query = context.Health.AsNoTracking().Where(h => h.ConnectionId == stored.Id && h.Status != (int)HealthStatus.InSync);
        if (status is { } s)
        {
            query = query.Where(h => h.Status == (int)s);
        }

        if (reason is not null)
        {
            query = query.Where(h => h.Reason == reason);
        }

        if (side is { } sd)
        {
            query = query.Where(h => h.Side == (int)sd);
        }

        var rows = await query
            .OrderBy(h => h.Side).ThenBy(h => h.RecordId)
            .Skip(offset).Take(limit)
            .Select(h => new
            {
                h.Side,
                h.RecordId,
                h.Status,
                h.Reason,
                h.UpdatedAt,
                Email = context.Records.Where(r => r.ConnectionId == h.ConnectionId && r.Side == h.Side && r.RecordId == h.RecordId).Select(r => r.EmailKey).FirstOrDefault(),
                Snapshot = context.Records.Where(r => r.ConnectionId == h.ConnectionId && r.Side == h.Side && r.RecordId == h.RecordId).Select(r => r.Snapshot).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // The app's schema says which fields hold the name; only the sides listed are asked.
        var namers = new Dictionary<int, Func<string, string?, string?>>();
        foreach (var listed in rows.Select(r => r.Side).Distinct())
        {
            var account = await runtime.Accounts.GetAsync(listed == (int)Side.A ? stored.AccountAId : stored.AccountBId, cancellationToken);
            namers[listed] = await names.ForAsync(account, cancellationToken);
        }

        return rows.ConvertAll(r => new HealthContact(
            (Side)r.Side,
            r.RecordId,
            namers[r.Side](r.RecordId, r.Snapshot),
            r.Email,
            (HealthStatus)r.Status,
            r.Reason,
            DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedAt)));
    }
}
