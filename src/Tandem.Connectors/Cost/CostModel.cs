namespace Tandem.Connectors.Cost;

/// <summary>
/// What an app's API calls cost in the vendor's own units, the daily budget they are spent from, and how often a
/// connection may poll the app. The engine never reads it; the scheduler and the metrics do. An app that says nothing
/// gets <see cref="PerRequest"/>: every call costs one request, no budget, and the host's own interval.
/// </summary>
public sealed record CostModel
{
    /// <summary>One request per call, no published daily budget, no pace of its own.</summary>
    public static CostModel PerRequest { get; } = new();

    /// <summary>The vendor's unit, plural ("tokens", "requests").</summary>
    public string Unit { get; init; } = "requests";

    /// <summary>
    /// The daily budget of the vendor's smallest plan, in <see cref="Unit"/>, or null when the vendor publishes none.
    /// Tandem plans with the smallest plan's: it never knows what else the company's integrations spend.
    /// </summary>
    public long? DailyBudget { get; init; }

    /// <summary>What one call costs, from its method and path (no query); 1 unless the vendor documents otherwise.</summary>
    public Func<HttpMethod, string, int> CostOf { get; init; } = static (_, _) => 1;

    /// <summary>What a poll with nothing changed costs: the cheapest change check the API allows.</summary>
    public int QuietPollCost { get; init; } = 1;

    /// <summary>What reading the account's schema costs (re-read at most hourly, <c>SchemaCache</c>).</summary>
    public int SchemaReadCost { get; init; } = 1;

    /// <summary>
    /// The share of what is left of the daily budget that quiet polling and hourly schema reads may spend until the budget
    /// resets: the rest is for real changes and the company's other integrations.
    /// </summary>
    public double IdleShare { get; init; } = 0.1;

    /// <summary>The shortest wait between polls when the app cannot push changes; zero leaves it to the host.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.Zero;

    /// <summary>The wait between polls while the app's webhooks are registered (a slow safety net); zero leaves it to the host.</summary>
    public TimeSpan SafetyNetInterval { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// The vendor's short rate limits (per minute, per few seconds) that every connection of an account shares; calls wait
    /// for room in them before they are sent, when the host asks for it (<see cref="AccountBudgets.PaceRequests"/>).
    /// </summary>
    public IReadOnlyList<RequestWindow> Windows { get; init; } = [];

    /// <summary>
    /// True when an answer says the day's budget is spent (not a burst limit): the budget then counts as used up until it
    /// resets. False for every answer unless the vendor's answer can be told apart.
    /// </summary>
    public Func<HttpResponseMessage, bool> SaysBudgetSpent { get; init; } = static _ => false;
}
