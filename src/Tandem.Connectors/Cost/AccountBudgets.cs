using System.Collections.Concurrent;

namespace Tandem.Connectors.Cost;

/// <summary>
/// The budgets of every account a process works for, one per app and account, shared by all the account's connections
/// (a vendor's budget is the company's, not a connection's). One per process; its budgets are reported as the
/// <c>tandem.vendor.budget.left</c> metric while it lives.
/// </summary>
public sealed class AccountBudgets
{
    private readonly ConcurrentDictionary<(string App, string Account), AccountBudget> budgets = new();
    private readonly TimeProvider time;

    public AccountBudgets(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
        CostTelemetry.Observe(this);
    }

    /// <summary>
    /// Whether the accounts' calls wait for room in their apps' short rate limits (<see cref="CostModel.Windows"/>). Off
    /// unless the host turns it on: a host on a clock that does not move (tests) would wait for ever.
    /// </summary>
    public bool PaceRequests { get; init; }

    /// <summary>The account's budget, made on first use with the app's <paramref name="model"/>.</summary>
    public AccountBudget For(string app, string accountId, CostModel model) =>
        budgets.GetOrAdd((app, accountId), key => new AccountBudget(key.App, key.Account, model, time) { PacesRequests = PaceRequests });

    /// <summary>The account's budget, or null when none of its calls has been counted yet.</summary>
    public AccountBudget? Find(string app, string accountId) => budgets.GetValueOrDefault((app, accountId));

    /// <summary>Every budget counted so far.</summary>
    public IReadOnlyCollection<AccountBudget> All => budgets.Values.ToList();
}
