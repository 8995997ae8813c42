using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Domain.Configuration;
using Tandem.Runtime.Hosting;
using Tandem.Web.Identity;
using Tandem.Web.Services.Accounts;

namespace Tandem.Web.Components.Data;

/// <summary>
/// What the dashboard and the connection page read: states and counts, scan progress, health by contact,
/// the activity log. Only the owner's connections; the connection id is checked by <see cref="ConnectionCommands"/>.
/// </summary>
public sealed class ConnectionQueries(TandemRuntime runtime, AccountService accounts, ConnectionCommands commands)
{
    private const int ExcludedStatus = 1;
    private const int FailedStatus = 2;

    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(Owner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var mine = (await runtime.Connections.ListByOwnerAsync(owner.UserId, cancellationToken)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (mine.Count == 0)
        {
            return [];
        }

        var appNames = (await accounts.ListAsync(owner, cancellationToken)).ToDictionary(a => a.Id, a => a.AppName, StringComparer.Ordinal);
        var stored = (await runtime.Connections.ListByOwnerAsync(owner.UserId, cancellationToken)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var statuses = (await runtime.Status.ListAsync(cancellationToken)).Where(s => mine.Contains(s.Id)).ToList();
        await using var context = runtime.Database.CreateDbContext();
        var lastActivity = await context.Activity.AsNoTracking()
            .Where(a => mine.Contains(a.ConnectionId))
            .GroupBy(a => a.ConnectionId)
            .Select(g => new { Id = g.Key, At = g.Max(a => a.At) })
            .ToDictionaryAsync(x => x.Id, x => x.At, cancellationToken);
        return statuses.Select(s =>
        {
            var connection = stored[s.Id];
            DateTimeOffset? last = lastActivity.TryGetValue(s.Id, out var at) ? DateTimeOffset.FromUnixTimeMilliseconds(at) : s.LastRunAt;
            return new ConnectionSummary(s.Id, s.Name, appNames.GetValueOrDefault(connection.AccountAId, "?"), appNames.GetValueOrDefault(connection.AccountBId, "?"), s.State, s.Reason, last, s.InSync, s.Excluded, s.Failed);
        }).ToList();
    }

    /// <summary>One connection's summary.</summary>
    public async Task<ConnectionSummary> GetAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        var connection = await commands.GetAsync(owner, id, cancellationToken);
        return (await ListAsync(owner, cancellationToken)).Single(c => c.Id == connection.Id);
    }

    public async Task<ScanProgress> ProgressAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        var connection = await commands.GetAsync(owner, id, cancellationToken);
        await using var context = runtime.Database.CreateDbContext();
        var seen = await context.Records.AsNoTracking().Where(r => r.ConnectionId == connection.Id)
            .GroupBy(r => r.Side).Select(g => new { Side = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Side, x => x.Count, cancellationToken);
        var linked = await context.Links.AsNoTracking().CountAsync(l => l.ConnectionId == connection.Id && l.AId != null && l.BId != null, cancellationToken);
        var unhealthy = await context.Health.AsNoTracking().CountAsync(h => h.ConnectionId == connection.Id, cancellationToken);
        return new ScanProgress(seen.GetValueOrDefault(0), seen.GetValueOrDefault(1), linked + unhealthy);
    }

    /// <summary>The contacts not in sync, failed first, newest first.</summary>
    public async Task<IReadOnlyList<HealthEntry>> HealthAsync(Owner owner, string id, int limit, CancellationToken cancellationToken)
    {
        var connection = await commands.GetAsync(owner, id, cancellationToken);
        await using var context = runtime.Database.CreateDbContext();
        var rows = await context.Health.AsNoTracking()
            .Where(h => h.ConnectionId == connection.Id && (h.Status == ExcludedStatus || h.Status == FailedStatus))
            .OrderByDescending(h => h.Status).ThenByDescending(h => h.UpdatedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(h => new HealthEntry((Side)h.Side, h.RecordId, h.Status == FailedStatus, h.Reason ?? "No reason was recorded.", DateTimeOffset.FromUnixTimeMilliseconds(h.UpdatedAt))).ToList();
    }

    /// <summary>The last <paramref name="limit"/> lines of the activity log, newest first.</summary>
    public async Task<IReadOnlyList<ActivityEntry>> ActivityAsync(Owner owner, string id, int limit, CancellationToken cancellationToken)
    {
        var connection = await commands.GetAsync(owner, id, cancellationToken);
        await using var context = runtime.Database.CreateDbContext();
        var rows = await context.Activity.AsNoTracking()
            .Where(a => a.ConnectionId == connection.Id)
            .OrderByDescending(a => a.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(a => new ActivityEntry(a.Id, DateTimeOffset.FromUnixTimeMilliseconds(a.At), a.Side is { } s ? (Side)s : null, a.Kind, a.Message, FieldsOf(a.Details))).ToList();
    }

    /// <summary>When each line of the activity log since <paramref name="since"/> happened, and its kind, for the chart.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset At, string Kind)>> ActivityTimesAsync(Owner owner, string id, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var connection = await commands.GetAsync(owner, id, cancellationToken);
        var from = since.ToUnixTimeMilliseconds();
        await using var context = runtime.Database.CreateDbContext();
        var rows = await context.Activity.AsNoTracking()
            .Where(a => a.ConnectionId == connection.Id && a.At >= from)
            .Select(a => new { a.At, a.Kind })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.Kind)).ToList();
    }

    // The engine stores an update's fields as [{ field, before, after }]; other lines have no details, or other shapes.
    private static IReadOnlyList<FieldBeforeAfter> FieldsOf(string? details)
    {
        if (string.IsNullOrEmpty(details))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(details);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return document.RootElement.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("field", out _))
                .Select(e => new FieldBeforeAfter(Text(e, "field") ?? "?", Text(e, "before"), Text(e, "after")))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Readable(value.GetString()!) : null;

    // Canonical values join parts and list entries with control characters; show them as commas.
    private static string Readable(string canonical) => canonical.Replace('\u001E', ',').Replace('\u001F', ' ');
}
