using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Domain.Configuration;
using Tandem.Runtime.Hosting;
using Tandem.Storage.Schema;
using Tandem.Web.Identity;
using Tandem.Web.Services.Connections;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.Services.Status;

/// <summary>The activity log (what changed on which side, and why) and activity over time (PRODUCT.md §6).</summary>
public sealed class ActivityService(TandemRuntime runtime, ConnectionService connections, TimeProvider time)
{
    public const int MaxPage = 500;

    public const int MaxBuckets = 1000;

    /// <summary>The newest lines first, of one connection or (null) all the owner's connections; <paramref name="before"/> pages back.</summary>
    public Task<IReadOnlyList<ActivityEntry>> LogAsync(Owner owner, string? connectionId, int limit, long? before, CancellationToken cancellationToken) =>
        LogAsync(owner, connectionId, limit, before, ActivityFilter.None, cancellationToken);

    /// <summary>The newest lines first that pass <paramref name="filter"/>; <paramref name="before"/> pages back.</summary>
    public async Task<IReadOnlyList<ActivityEntry>> LogAsync(Owner owner, string? connectionId, int limit, long? before, ActivityFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (limit is < 1 or > MaxPage)
        {
            throw new InvalidRequestException($"limit must be between 1 and {MaxPage}.");
        }

        var ids = await ConnectionIdsAsync(owner, connectionId, cancellationToken);
        await using var context = runtime.Database.CreateDbContext();
        var query = context.Activity.AsNoTracking().Where(a => ids.Contains(a.ConnectionId));
        if (before is { } b)
        {
            query = query.Where(a => a.Id < b);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(a => a.Kind == filter.Kind);
        }

        if (filter.Side is { } side && filter.RecordId is { } recordId)
        {
            query = query.Where(a => a.Side == (int)side && a.RecordId == recordId);
        }

        if (filter.Search?.Trim().ToLowerInvariant() is { Length: > 0 } term)
        {
            // A name is in the line's words; an email is on the contact Tandem last saw (its match key), not in the words.
            var withEmail = context.Records.AsNoTracking()
                .Where(r => ids.Contains(r.ConnectionId) && r.EmailKey != null && r.EmailKey.Contains(term))
                .Select(r => r.RecordId);
            query = query.Where(a => a.Message.ToLower().Contains(term) || (a.RecordId != null && withEmail.Contains(a.RecordId)));
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToEntry);
    }

    /// <summary>Lines per kind per bucket from <paramref name="from"/> to <paramref name="to"/> (default: the last 24 hours by hour).</summary>
    public async Task<IReadOnlyList<ActivityBucket>> TimelineAsync(
        Owner owner,
        string? connectionId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        TimeSpan? bucket,
        CancellationToken cancellationToken)
    {
        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-1);
        var size = bucket ?? TimeSpan.FromHours(1);
        if (size < TimeSpan.FromMinutes(1) || start >= end || (end - start) / size > MaxBuckets)
        {
            throw new InvalidRequestException($"The range must end after it starts, with buckets of at least a minute and at most {MaxBuckets} of them.");
        }

        var ids = await ConnectionIdsAsync(owner, connectionId, cancellationToken);
        var startMs = start.ToUnixTimeMilliseconds();
        var endMs = end.ToUnixTimeMilliseconds();
        var sizeMs = (long)size.TotalMilliseconds;
        await using var context = runtime.Database.CreateDbContext();
        var rows = await context.Activity.AsNoTracking()
            .Where(a => ids.Contains(a.ConnectionId) && a.At >= startMs && a.At < endMs)
            .GroupBy(a => new { Bucket = (a.At - startMs) / sizeMs, a.Kind })
            .Select(g => new { g.Key.Bucket, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Bucket).ThenBy(r => r.Kind, StringComparer.Ordinal)
            .Select(r => new ActivityBucket(DateTimeOffset.FromUnixTimeMilliseconds(startMs + (r.Bucket * sizeMs)), r.Kind, r.Count))
            .ToList();
    }

    private async Task<List<string>> ConnectionIdsAsync(Owner owner, string? connectionId, CancellationToken cancellationToken)
    {
        if (connectionId is not null)
        {
            return [(await connections.GetStoredAsync(owner, connectionId, cancellationToken)).Id];
        }

        return (await runtime.Connections.ListByOwnerAsync(owner.UserId, cancellationToken)).Select(c => c.Id).ToList();
    }

    private static ActivityEntry ToEntry(ActivityRow row)
    {
        JsonElement? details = null;
        if (!string.IsNullOrEmpty(row.Details))
        {
            try
            {
                using var document = JsonDocument.Parse(row.Details);
                details = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                details = JsonSerializer.SerializeToElement(row.Details);
            }
        }

        return new ActivityEntry(row.Id, row.ConnectionId, DateTimeOffset.FromUnixTimeMilliseconds(row.At), row.Side is { } s ? (Side)s : null, row.RecordId, row.Kind, row.Message, details);
    }
}
