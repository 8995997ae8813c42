using Tandem.Connectors.Cost;

namespace Tandem.Connectors.Pipedrive;

/// <summary>
/// Pipedrive's token budget (token-based rate limits, from December 2024): a company's daily budget is 30,000 base tokens
/// × the plan's multiplier (1 on the smallest plan) × seats, reset daily; every endpoint has a documented cost
/// (<c>x-token-cost</c> in <c>specs/pipedrive</c>: v2 lists 10, a v2 read by id 1, v2 writes 5, v2 deletes 3, search 20;
/// v1 costs about twice that). A spent budget answers 429 with <c>x-daily-requests-left: 0</c> until the reset.
/// </summary>
public static class PipedriveCosts
{
    /// <summary>The smallest plan's daily budget with one seat.</summary>
    public const long SmallestPlanDailyTokens = 30_000;

    /// <summary>Requests per rolling 2 seconds on the smallest plan with an API token.</summary>
    public const int BurstRequests = 20;

    /// <summary>Search requests per rolling 2 seconds, every plan.</summary>
    public const int BurstSearches = 10;

    // From the x-token-cost of each operation the connector uses; other paths cost the version's list price.
    private static readonly Dictionary<(string Method, string Path), int> Tokens = new()
    {
        [("GET", "v2/persons")] = 10,
        [("POST", "v2/persons")] = 5,
        [("GET", "v2/persons/{id}")] = 1,
        [("PATCH", "v2/persons/{id}")] = 5,
        [("DELETE", "v2/persons/{id}")] = 3,
        [("GET", "v2/persons/search")] = 20,
        [("GET", "v2/personFields")] = 10,
        [("POST", "v2/personFields")] = 5,
        [("GET", "v2/organizations")] = 10,
        [("POST", "v2/organizations")] = 5,
        [("GET", "v1/personFields")] = 20,
        [("POST", "v1/personFields")] = 10,
        [("GET", "v1/recents")] = 20,
        [("GET", "v1/users")] = 20,
        [("GET", "v1/webhooks")] = 10,
        [("POST", "v1/webhooks")] = 10,
        [("DELETE", "v1/webhooks/{id}")] = 6,
    };

    /// <summary>Pipedrive's costs, budget and pace: a quiet poll is one v1 <c>recents</c> call (20 tokens), the schema one v2 <c>personFields</c> call (10).</summary>
    public static CostModel Model { get; } = new()
    {
        Unit = "tokens",
        DailyBudget = SmallestPlanDailyTokens,
        CostOf = Of,
        QuietPollCost = Tokens[("GET", "v1/recents")],

        // The schema is the person fields (v2); organisations are read only when persons name them.
        SchemaReadCost = Tokens[("GET", "v2/personFields")],
        // 9 %: a tenth of the smallest plan's budget, less room for the echo reads after Tandem's own writes.
        IdleShare = 0.09,
        PollInterval = TimeSpan.FromMinutes(5),
        SafetyNetInterval = TimeSpan.FromMinutes(30),
        // The burst limits, per token per rolling 2 seconds: 20 requests on the smallest plan with an API token (80 with
        // OAuth; Tandem plans with the smaller), and 10 searches on every plan.
        Windows =
        [
            new RequestWindow("requests per 2 seconds", BurstRequests, TimeSpan.FromSeconds(2)),
            new RequestWindow("searches per 2 seconds", BurstSearches, TimeSpan.FromSeconds(2)) { Counts = static (_, path) => path.EndsWith("/search", StringComparison.Ordinal) },
        ],
        SaysBudgetSpent = static response => (int)response.StatusCode == 429
            && response.Headers.TryGetValues("x-daily-requests-left", out var left) && left.FirstOrDefault() == "0",
    };

    /// <summary>The tokens a call costs, from its method and path (a base URL's own prefix before <c>api/v2</c> is ignored).</summary>
    public static int Of(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var (version, rest) = Split(path);
        if (version is null)
        {
            return 1;
        }

        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.All(char.IsAsciiDigit) ? "{id}" : s);
        var key = version + "/" + string.Join('/', segments);
        if (Tokens.TryGetValue((method.Method, key), out var tokens))
        {
            return tokens;
        }

        var read = method == HttpMethod.Get;
        return version == "v2" ? (read ? 10 : 5) : (read ? 20 : 10);
    }

    private static (string? Version, string Remainder) Split(string path)
    {
        foreach (var (marker, version) in new[] { ("/api/v2/", "v2"), ("/api/v1/", "v1"), ("/v1/", "v1") })
        {
            var at = path.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (version, path[(at + marker.Length)..]);
            }
        }

        return (null, path);
    }
}
