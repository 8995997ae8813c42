using Tandem.Connectors.Catalog;
using Tandem.Connectors.Cost;
using Tandem.Domain.Configuration;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;
using Tandem.Storage.Secrets;

namespace Tandem.Runtime.Running;

/// <summary>
/// How often a connection is polled, from both apps' cost models (<see cref="CostModel"/>), what is left of each
/// account's budget, and whether each side's webhooks are registered: a run polls both sides, so the slower side sets
/// the pace. The dashboard shows the same answer in words.
/// </summary>
public sealed class ConnectionPacing(ConnectionStore connections, AccountStore accounts, ConnectorCatalog catalog, AccountBudgets budgets, TimeProvider time)
{
    /// <summary>The connection's pace, or null when it cannot be worked out (removed, an account or app missing): the host's interval then.</summary>
    public async Task<PollingPace?> PaceAsync(string connectionId, CancellationToken cancellationToken)
    {
        if (await connections.GetAsync(connectionId, cancellationToken) is not { } connection)
        {
            return null;
        }

        var a = await SideAsync(connection, Side.A, cancellationToken);
        var b = await SideAsync(connection, Side.B, cancellationToken);
        return a is null || b is null ? a ?? b : PollingPace.Slower(a, b);
    }

    private async Task<PollingPace?> SideAsync(StoredConnection connection, Side side, CancellationToken cancellationToken)
    {
        var accountId = side == Side.A ? connection.AccountAId : connection.AccountBId;
        StoredAccount? account;
        try
        {
            account = await accounts.GetAsync(accountId, cancellationToken);
        }
        catch (SecretDecryptionException)
        {
            return null;
        }

        if (account is null)
        {
            return null;
        }

        ConnectorDescriptor descriptor;
        try
        {
            descriptor = catalog.Get(account.App).Descriptor;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }

        var budget = budgets.For(account.App, account.Id, descriptor.Cost);
        return PollingPace.For(descriptor.DisplayName, budget, webhooks: connection.WebhookIdOf(side) is not null, time.GetUtcNow());
    }
}
