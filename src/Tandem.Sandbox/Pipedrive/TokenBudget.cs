using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// Pipedrive's token-based daily budget (from December 2024): every request costs the tokens its operation documents
/// (<c>x-token-cost</c> in the OpenAPI files), a company's budget is spent by all its integrations, and once spent every
/// request answers 429 until the budget resets at the start of the next day (midnight UTC on the sandbox's clock). Off
/// when the budget is 0. Tokens spent and the budget can be read and set from tests and the faults endpoint.
/// </summary>
internal sealed class TokenBudget(TimeProvider time, Func<long> dailyTokens) : IRequestBudget
{
    // x-token-cost of the operations the sandbox serves (specs/pipedrive/openapi-v2.yaml and openapi-v1.yaml).
    private static readonly Dictionary<(string Method, string Path), int> Costs = new()
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

    private readonly Lock gate = new();
    private DateOnly day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    private long spent;

    /// <summary>Tokens spent today (by every caller of the company).</summary>
    public long SpentToday
    {
        get
        {
            lock (gate)
            {
                Roll();
                return spent;
            }
        }
    }

    /// <summary>Spends tokens as the company's other integrations would.</summary>
    public void SpendElsewhere(long tokens)
    {
        lock (gate)
        {
            Roll();
            spent += tokens;
        }
    }

    public QuotaVerdict Spend(HttpRequest request)
    {
        var budget = dailyTokens();
        if (budget <= 0)
        {
            return QuotaVerdict.Granted;
        }

        var cost = CostOf(request.Method, request.Path.Value ?? string.Empty);
        lock (gate)
        {
            Roll();
            if (spent + cost > budget)
            {
                // Unverified: which headers a spent token budget's 429 carries; the documented daily header says none are left.
                return new QuotaVerdict(false, [new("x-daily-requests-left", "0")]);
            }

            spent += cost;
            return QuotaVerdict.Granted;
        }
    }

    /// <summary>The documented cost of a request; an operation not in the table costs its version's list price.</summary>
    public static int CostOf(string method, string path)
    {
        var (version, rest) = path.StartsWith("/api/v2/", StringComparison.Ordinal) ? ("v2", path[8..])
            : path.StartsWith("/api/v1/", StringComparison.Ordinal) ? ("v1", path[8..])
            : path.StartsWith("/v1/", StringComparison.Ordinal) ? ("v1", path[4..])
            : ("v1", path.TrimStart('/'));
        var key = version + "/" + string.Join('/', rest.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.All(char.IsAsciiDigit) ? "{id}" : s));
        if (Costs.TryGetValue((method.ToUpperInvariant(), key), out var cost))
        {
            return cost;
        }

        var read = HttpMethods.IsGet(method);
        return version == "v2" ? (read ? 10 : 5) : (read ? 20 : 10);
    }

    private void Roll()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (today != day)
        {
            (day, spent) = (today, 0);
        }
    }

}
