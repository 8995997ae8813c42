using Tandem.Connectors.Cost;

namespace Tandem.Connectors.GoogleContacts;

/// <summary>
/// Google's People API counts requests against per-minute quotas per user and project (reads and writes apart; Tandem
/// keeps each account within them, <see cref="CostModel.Windows"/>) and a small fixed quota on full syncs' first pages; it
/// publishes no daily budget. A quiet poll is one
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

        // The per-user quotas of the Cloud console ("Critical read requests (Contact and Profile Reads) per minute per
        // user" and its write twin), reported at 90 each by default; a project can raise them, Tandem plans with these.
        Windows =
        [
            RequestWindow.Reads("reads per minute", ReadsPerMinute, TimeSpan.FromMinutes(1)),
            RequestWindow.Writes("writes per minute", WritesPerMinute, TimeSpan.FromMinutes(1)),
        ],
    };

    /// <summary>Read requests per user per minute Tandem allows itself (the default per-user quota).</summary>
    public const int ReadsPerMinute = 90;

    /// <summary>Write requests per user per minute Tandem allows itself (the default per-user quota).</summary>
    public const int WritesPerMinute = 90;
}
