using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Domain.Configuration;
using Tandem.Runtime.Logging;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;

namespace Tandem.Runtime.Setup;

/// <summary>
/// Writes a checked <see cref="SetupFile"/> to the stores, idempotently: accounts and connections are
/// matched by name (among those without an owner) and updated, never duplicated. Everything that could
/// refuse the file is checked before the first write, each connection with the validator the web app uses
/// (<see cref="SetupConnectionCheck"/>). A connection whose settings changed is put back
/// to Scanning, which makes its next run a full rescan (see <c>docs/setup-file.md</c>).
/// </summary>
public sealed class SetupApplier(AccountStore accounts, ConnectionStore connections, SetupConnectionCheck check, ILogger<SetupApplier>? logger = null)
{
    private readonly ILogger log = logger ?? NullLogger<SetupApplier>.Instance;

    /// <exception cref="SetupFileException">
    /// The file contradicts what is stored (an account's app, a connection's accounts), or a connection would be refused.
    /// </exception>
    public async Task<SetupApplyResult> ApplyAsync(SetupFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var storedAccounts = await accounts.ListByOwnerAsync(ownerId: null, cancellationToken);
        var storedConnections = await connections.ListByOwnerAsync(ownerId: null, cancellationToken);
        var accountMatches = file.Accounts.ToDictionary(a => a.Name, a => Match(file, "account", a.Name, storedAccounts, s => s.Name), StringComparer.Ordinal);
        var connectionMatches = file.Connections.ToDictionary(c => c.Name, c => Match(file, "connection", c.Name, storedConnections, s => s.Name), StringComparer.Ordinal);
        CheckAgainstStored(file, accountMatches, connectionMatches);

        // As in the web app, a connection is checked when it is saved: new, changed, or joining an account the file
        // changes. An unchanged file then reads no app, so an app that is down fails the run, not the file.
        await check.CheckAsync(file, c => IsSaved(c, accountMatches, connectionMatches, file), cancellationToken);
        await check.CheckChoicesAsync(file, a => IsChanged(a, accountMatches[a.Name]), cancellationToken);

        var accountResults = new List<SetupItemResult>();
        foreach (var account in file.Accounts)
        {
            accountResults.Add(await ApplyAccountAsync(account, accountMatches[account.Name], cancellationToken));
        }

        var ids = accountResults.ToDictionary(r => r.Name, r => r.Id, StringComparer.Ordinal);
        var connectionResults = new List<SetupItemResult>();
        foreach (var connection in file.Connections)
        {
            connectionResults.Add(await ApplyConnectionAsync(connection, connectionMatches[connection.Name], ids, cancellationToken));
        }

        RuntimeLog.SetupApplied(
            log,
            accountResults.Count(r => r.Change != SetupChange.Unchanged),
            connectionResults.Count(r => r.Change != SetupChange.Unchanged));
        return new SetupApplyResult(accountResults, connectionResults);
    }

    private static T? Match<T>(SetupFile file, string kind, string name, IReadOnlyList<T> stored, Func<T, string> nameOf)
        where T : class
    {
        var matches = stored.Where(s => string.Equals(nameOf(s), name, StringComparison.Ordinal)).Take(2).ToList();
        return matches.Count > 1
            ? throw new SetupFileException($"{file.Source}: {kind} '{name}': the database holds several {kind}s of that name, so the file cannot tell which to update. Rename them first.")
            : matches.SingleOrDefault();
    }

    private static void CheckAgainstStored(SetupFile file, Dictionary<string, StoredAccount?> accountMatches, Dictionary<string, StoredConnection?> connectionMatches)
    {
        foreach (var account in file.Accounts)
        {
            if (accountMatches[account.Name] is { } stored && !string.Equals(stored.App, account.App, StringComparison.OrdinalIgnoreCase))
            {
                throw new SetupFileException($"{file.Source}: account '{account.Name}' is stored as a {stored.App} account; its app cannot change to {account.App}. Give the new account another name.");
            }
        }

        foreach (var connection in file.Connections)
        {
            if (connectionMatches[connection.Name] is not { } stored)
            {
                continue;
            }

            // Links and baselines belong to the accounts a connection was made with; re-pointing would corrupt them.
            var a = accountMatches[connection.AccountA]?.Id;
            var b = accountMatches[connection.AccountB]?.Id;
            if (stored.AccountAId != a || stored.AccountBId != b)
            {
                throw new SetupFileException($"{file.Source}: connection '{connection.Name}' is stored with other accounts; a connection cannot be re-pointed. Give the new connection another name.");
            }
        }
    }

    private static bool IsSaved(SetupConnection connection, Dictionary<string, StoredAccount?> accountMatches, Dictionary<string, StoredConnection?> connectionMatches, SetupFile file) =>
        connectionMatches[connection.Name] is not { } stored
        || ConnectionSettingsJson.Serialize(stored.Settings) != ConnectionSettingsJson.Serialize(connection.Settings)
        || file.Accounts.Any(a => (a.Name == connection.AccountA || a.Name == connection.AccountB) && IsChanged(a, accountMatches[a.Name]));

    private static bool IsChanged(SetupAccount account, StoredAccount? stored) =>
        stored is null || !SameMap(stored.Settings, account.Settings) || !SameMap(stored.Secrets, account.Secrets);

    private async Task<SetupItemResult> ApplyAccountAsync(SetupAccount account, StoredAccount? stored, CancellationToken cancellationToken)
    {
        if (stored is null)
        {
            var added = await accounts.AddAsync(new NewAccount(null, account.App, account.Name, account.Settings, account.Secrets), cancellationToken);
            return new SetupItemResult(account.Name, added.Id, SetupChange.Created);
        }

        var change = SetupChange.Unchanged;
        if (!SameMap(stored.Settings, account.Settings))
        {
            await accounts.UpdateSettingsAsync(stored.Id, account.Name, account.Settings, cancellationToken);
            change = SetupChange.Updated;
        }

        if (!SameMap(stored.Secrets, account.Secrets))
        {
            await accounts.UpdateSecretsAsync(stored.Id, account.Secrets, cancellationToken);
            change = SetupChange.Updated;
        }

        return new SetupItemResult(account.Name, stored.Id, change);
    }

    private async Task<SetupItemResult> ApplyConnectionAsync(SetupConnection connection, StoredConnection? stored, Dictionary<string, string> accountIds, CancellationToken cancellationToken)
    {
        if (stored is null)
        {
            var added = await connections.AddAsync(
                new NewConnection(null, connection.Name, accountIds[connection.AccountA], accountIds[connection.AccountB], connection.Settings),
                cancellationToken);
            return new SetupItemResult(connection.Name, added.Id, SetupChange.Created);
        }

        // Compared in their stored JSON form: the settings records hold lists, which records compare by reference.
        if (ConnectionSettingsJson.Serialize(stored.Settings) == ConnectionSettingsJson.Serialize(connection.Settings))
        {
            return new SetupItemResult(connection.Name, stored.Id, SetupChange.Unchanged);
        }

        await connections.UpdateSettingsAsync(stored.Id, connection.Settings, cancellationToken);
        if (stored.State != ConnectionState.Paused)
        {
            // "Saving a changed configuration rescans" (PRODUCT.md §3): Scanning is the runner's cue for a full rescan.
            await connections.SetStateAsync(stored.Id, ConnectionState.Scanning, "Settings changed; the next run rescans both sides.", cancellationToken);
            RuntimeLog.RescanScheduled(log, stored.Id);
        }

        return new SetupItemResult(connection.Name, stored.Id, SetupChange.Updated);
    }

    private static bool SameMap(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right) =>
        left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var value) && string.Equals(value, p.Value, StringComparison.Ordinal));
}
