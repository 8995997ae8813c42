using Tandem.Domain.Configuration;
using Tandem.Runtime.Hosting;
using Tandem.Runtime.Running;
using Tandem.Storage.Connections;
using Tandem.Web.Identity;
using Tandem.Web.Services.Accounts;
using Tandem.Web.Services.Errors;
using Tandem.Web.Workers;

namespace Tandem.Web.Components.Data;

/// <summary>
/// What the pages do to a user's connections: set up (paused until started, so the review can dry-run it),
/// start, pause, resume, save an edit (rescans), delete (no contact is deleted). Stands in for a connections
/// service of the application layer until there is one; every call checks the owner first.
/// </summary>
public sealed class ConnectionCommands(TandemRuntime runtime, AccountService accounts, RunRequests runs)
{
    private const int MaxNameLength = 200;

    /// <exception cref="NotFoundException">No such connection of this owner.</exception>
    public async Task<StoredConnection> GetAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var connection = string.IsNullOrWhiteSpace(id) ? null : await runtime.Connections.GetAsync(id, cancellationToken);
        return connection is not null && connection.OwnerId == owner.UserId ? connection : throw NotFoundException.Connection(id);
    }

    /// <summary>Stores a new connection, paused until <see cref="StartAsync"/>.</summary>
    public async Task<StoredConnection> CreateAsync(Owner owner, string? name, string accountA, string accountB, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        var a = await accounts.GetAsync(owner, accountA, cancellationToken);
        var b = await accounts.GetAsync(owner, accountB, cancellationToken);
        if (a.Id == b.Id)
        {
            throw new InvalidRequestException("A connection joins two different accounts; pick another account for one of the sides.");
        }

        var checkedName = CheckName(name) ?? $"{a.Name} ↔ {b.Name}";
        return await runtime.Connections.AddAsync(new NewConnection(owner.UserId, checkedName, a.Id, b.Id, settings) { State = ConnectionState.Paused }, cancellationToken);
    }

    /// <summary>What the next run would do, changing nothing (a dry run; works on a paused connection).</summary>
    public async Task<ConnectionRunResult> PreviewAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        var connection = await GetAsync(owner, id, cancellationToken);
        return await runtime.Runner.PreviewAsync(connection.Id, new Tandem.Engine.RunOptions { DryRun = true, SampleSize = 10 }, cancellationToken);
    }

    /// <summary>Starts (or resumes) syncing: a full scan first, then listening for changes.</summary>
    public async Task StartAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        var connection = await GetAsync(owner, id, cancellationToken);
        await runtime.Connections.SetStateAsync(connection.Id, ConnectionState.Scanning, null, cancellationToken);
        runs.Request(connection.Id);
    }

    public async Task PauseAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        var connection = await GetAsync(owner, id, cancellationToken);
        await runtime.Connections.SetStateAsync(connection.Id, ConnectionState.Paused, "Paused by you.", cancellationToken);
    }

    /// <summary>Saves changed settings and rescans.</summary>
    public async Task UpdateAsync(Owner owner, string id, string? name, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        var connection = await GetAsync(owner, id, cancellationToken);
        if (CheckName(name) is { } newName && newName != connection.Name)
        {
            await runtime.Connections.RenameAsync(connection.Id, newName, cancellationToken);
        }

        await runtime.Connections.UpdateSettingsAsync(connection.Id, settings, cancellationToken);
        if (connection.State != ConnectionState.Paused)
        {
            await runtime.Connections.SetStateAsync(connection.Id, ConnectionState.Scanning, null, cancellationToken);
            runs.Request(connection.Id);
        }
    }

    /// <summary>Forgets the connection and its sync state; no contact is deleted in either app.</summary>
    public async Task DeleteAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        var connection = await GetAsync(owner, id, cancellationToken);
        await runtime.Connections.RemoveAsync(connection.Id, cancellationToken);
    }

    private static string? CheckName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= MaxNameLength ? trimmed : throw new InvalidRequestException($"A connection's name can have at most {MaxNameLength} characters.");
    }
}
