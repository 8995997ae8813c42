using Microsoft.EntityFrameworkCore;
using Tandem.Domain.Configuration;
using Tandem.Storage;

namespace Tandem.Runtime.Status;

/// <summary>Reads the activity log, newest last.</summary>
public sealed class ActivityQuery(TandemDatabase database)
{
    /// <summary>
    /// The last <paramref name="limit"/> lines of one connection (by id), or of all connections when
    /// <paramref name="connectionId"/> is null, oldest of them first.
    /// </summary>
    public async Task<IReadOnlyList<ActivityLine>> LastAsync(string? connectionId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var context = database.CreateDbContext();
        var rows = await context.Activity.AsNoTracking()
            .Where(a => connectionId == null || a.ConnectionId == connectionId)
            .OrderByDescending(a => a.Id)
            .Take(limit)
            .Join(context.Connections, a => a.ConnectionId, c => c.Id, (a, c) => new { a.Id, a.At, c.Name, a.Side, a.Kind, a.Message })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Id)
            .Select(r => new ActivityLine(DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.Name, r.Side is { } s ? (Side)s : null, r.Kind, r.Message))
            .ToList();
    }
}
