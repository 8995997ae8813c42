using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Cost;

/// <summary>
/// Vendor cost as metrics on the connectors' meter (<see cref="ConnectorTelemetry.Name"/>): <c>tandem.vendor.cost</c>, the
/// units each connection's calls spent, and <c>tandem.vendor.budget.left</c>, what is left of each account's daily budget
/// (only for apps that publish one). Labelled with the app, the unit and the connection or account id; never a path.
/// </summary>
internal static class CostTelemetry
{
    private static readonly Lock Gate = new();
    private static readonly List<WeakReference<AccountBudgets>> Registries = [];

    /// <summary>Units spent by API calls, labelled with the app, the connection and the unit.</summary>
    public static readonly Counter<long> Cost = ConnectorTelemetry.Meter.CreateCounter<long>(
        "tandem.vendor.cost",
        "{unit}",
        "What the API calls cost in the vendor's own units (tandem.vendor.unit: tokens, requests).");

    private static readonly ObservableGauge<long> BudgetLeft = ConnectorTelemetry.Meter.CreateObservableGauge(
        "tandem.vendor.budget.left",
        Measure,
        "{unit}",
        "What is left today of an account's daily budget at its app, as Tandem counts it (smallest plan's budget).");

    public static void Spent(string? app, string? connectionId, string unit, long cost) => Cost.Add(cost, new TagList
    {
        { "tandem.app", app ?? "unknown" },
        { "tandem.connection.id", connectionId ?? "unknown" },
        { "tandem.vendor.unit", unit },
    });

    /// <summary>Reports this registry's budgets from now on, for as long as it lives.</summary>
    public static void Observe(AccountBudgets budgets)
    {
        _ = BudgetLeft;
        lock (Gate)
        {
            Registries.RemoveAll(r => !r.TryGetTarget(out _));
            Registries.Add(new WeakReference<AccountBudgets>(budgets));
        }
    }

    private static IEnumerable<Measurement<long>> Measure()
    {
        List<AccountBudgets> live;
        lock (Gate)
        {
            live = Registries.Select(r => r.TryGetTarget(out var b) ? b : null).OfType<AccountBudgets>().ToList();
        }

        foreach (var budget in live.SelectMany(r => r.All))
        {
            if (budget.Left is { } left)
            {
                yield return new Measurement<long>(left, new TagList
                {
                    { "tandem.app", budget.App },
                    { "tandem.account.id", budget.AccountId },
                    { "tandem.vendor.unit", budget.Model.Unit },
                });
            }
        }
    }
}
