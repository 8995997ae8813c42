using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Tandem.Domain.Configuration;
using Tandem.Storage.Schema;

namespace Tandem.Storage.Connections;

/// <summary>Connections and their configuration. Removing one removes all its sync state, never its accounts.</summary>
public sealed class ConnectionStore(TandemDatabase database, TimeProvider timeProvider)
{
    /// <exception cref="InvalidOperationException">An account does not exist or belongs to another owner.</exception>
    public async Task<StoredConnection> AddAsync(NewConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(connection.Name);
        ArgumentNullException.ThrowIfNull(connection.Settings);
        await using var context = database.CreateDbContext();
        await ThrowUnlessUsableAsync(context, connection.AccountAId, connection.OwnerId, cancellationToken);
        await ThrowUnlessUsableAsync(context, connection.AccountBId, connection.OwnerId, cancellationToken);

        var now = Now();
        var row = new ConnectionRow
        {
            Id = Guid.NewGuid().ToString("N"),
            OwnerId = connection.OwnerId,
            Name = connection.Name,
            AccountAId = connection.AccountAId,
            AccountBId = connection.AccountBId,
            SettingsJson = ConnectionSettingsJson.Serialize(connection.Settings),
            State = (int)connection.State,
            CreatedAt = now,
            UpdatedAt = now,
        };
        context.Connections.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        return ToModel(row);
    }

    public async Task<StoredConnection?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        var row = await context.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return row is null ? null : ToModel(row);
    }

    /// <summary>The connections of one owner (null: those without an owner), oldest first.</summary>
    public async Task<IReadOnlyList<StoredConnection>> ListByOwnerAsync(string? ownerId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        var rows = await context.Connections.AsNoTracking()
            .Where(c => c.OwnerId == ownerId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToModel);
    }

    /// <summary>Every connection of every owner, oldest first; for the workers and operators.</summary>
    public async Task<IReadOnlyList<StoredConnection>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        var rows = await context.Connections.AsNoTracking()
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToModel);
    }

    /// <summary>Replaces the settings. False when the connection does not exist.</summary>
    public Task<bool> UpdateSettingsAsync(string id, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var json = ConnectionSettingsJson.Serialize(settings);
        return UpdateAsync(id, s => s.SetProperty(c => c.SettingsJson, json), cancellationToken);
    }

    public Task<bool> RenameAsync(string id, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return UpdateAsync(id, s => s.SetProperty(c => c.Name, name), cancellationToken);
    }

    /// <summary>Sets the state and its reason (null clears it). False when the connection does not exist.</summary>
    public Task<bool> SetStateAsync(string id, ConnectionState state, string? reason, CancellationToken cancellationToken) =>
        UpdateAsync(id, s => s.SetProperty(c => c.State, (int)state).SetProperty(c => c.StateReason, reason), cancellationToken);

    /// <summary>Records whether a person let a run past the deletion guard. False when the connection does not exist.</summary>
    public Task<bool> SetGuardAcknowledgedAsync(string id, bool acknowledged, CancellationToken cancellationToken) =>
        UpdateAsync(id, s => s.SetProperty(c => c.GuardAcknowledged, acknowledged), cancellationToken);

    /// <summary>Records when the last run happened. False when the connection does not exist.</summary>
    public Task<bool> SetLastRunAtAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var millis = at.ToUnixTimeMilliseconds();
        return UpdateAsync(id, s => s.SetProperty(c => c.LastRunAt, millis), cancellationToken);
    }

    /// <summary>Records the id of the webhook Tandem registered in one side's app (null: none). False when the connection does not exist.</summary>
    public Task<bool> SetWebhookIdAsync(string id, Side side, string? webhookId, CancellationToken cancellationToken) => side == Side.A
        ? UpdateAsync(id, s => s.SetProperty(c => c.WebhookAId, webhookId), cancellationToken)
        : UpdateAsync(id, s => s.SetProperty(c => c.WebhookBId, webhookId), cancellationToken);

    /// <summary>Records why a webhook could not be registered or removed (null clears it). False when the connection does not exist.</summary>
    public Task<bool> SetWebhookProblemAsync(string id, string? problem, CancellationToken cancellationToken) =>
        UpdateAsync(id, s => s.SetProperty(c => c.WebhookProblem, problem), cancellationToken);

    /// <summary>
    /// Removes the connection with its cursors, records, links, journal, health, activity and runs, in one
    /// transaction. Its accounts stay. False when the connection does not exist.
    /// </summary>
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);

        // The foreign keys cascade too; deleting explicitly keeps this correct even where they are not enforced.
        await context.Cursors.Where(r => r.ConnectionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.Records.Where(r => r.ConnectionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.Links.Where(r => r.ConnectionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.Journal.Where(r => r.ConnectionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.Health.Where(r => r.ConnectionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.Activity.Where(r => r.ConnectionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.Runs.Where(r => r.ConnectionId == id).ExecuteDeleteAsync(cancellationToken);
        var removed = await context.Connections.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    private async Task<bool> UpdateAsync(string id, Action<UpdateSettersBuilder<ConnectionRow>> set, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var context = database.CreateDbContext();
        var updated = await context.Connections.Where(c => c.Id == id)
            .ExecuteUpdateAsync(
                s =>
                {
                    set(s);
                    s.SetProperty(c => c.UpdatedAt, now);
                },
                cancellationToken);
        return updated > 0;
    }

    private static async Task ThrowUnlessUsableAsync(TandemDbContext context, string accountId, string? ownerId, CancellationToken cancellationToken)
    {
        var account = await context.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new { a.OwnerId })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            throw new InvalidOperationException($"Account {accountId} does not exist.");
        }

        if (account.OwnerId != ownerId)
        {
            throw new InvalidOperationException($"Account {accountId} belongs to another owner and cannot be used by this connection.");
        }
    }

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private static StoredConnection ToModel(ConnectionRow row)
    {
        ConnectionSettings settings;
        try
        {
            settings = ConnectionSettingsJson.Deserialize(row.SettingsJson);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The stored settings of connection {row.Id} cannot be read: {e.Message}", e);
        }

        return new StoredConnection(
            row.Id,
            row.OwnerId,
            row.Name,
            row.AccountAId,
            row.AccountBId,
            settings,
            (ConnectionState)row.State,
            row.StateReason,
            row.GuardAcknowledged,
            DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt),
            DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt),
            row.LastRunAt is { } lastRun ? DateTimeOffset.FromUnixTimeMilliseconds(lastRun) : null)
        {
            WebhookAId = row.WebhookAId,
            WebhookBId = row.WebhookBId,
            WebhookProblem = row.WebhookProblem,
        };
    }
}
