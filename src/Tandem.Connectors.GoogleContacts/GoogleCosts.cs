using Tandem.Connectors.Cost;

namespace Tandem.Connectors.GoogleContacts;

/// <summary>
/// Google's People API counts requests against per-minute quotas per user and project (reads and writes apart) and a
/// small fixed quota on full syncs' first pages; it publishes no daily budget. A quiet poll is one
/// <c>connections.list</c> call with the sync token, the schema a <c>userDefined</c> scan of the account (1 call per
/// 1,000 contacts, asking for no sync token). Polled once a minute: far below the per-minute read quota, and Google
/// cannot push changes.
/// </summary>
public static class GoogleCosts
{
    public static CostModel Model { get; } = new()
    {
        Unit = "requests",
        QuietPollCost = 1,
        SchemaReadCost = 1,
        PollInterval = TimeSpan.FromMinutes(1),
    };
}
