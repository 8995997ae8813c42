using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Kit.Faults;

/// <summary>
/// Several of a vendor's budgets taken in order (Google's per-minute read and write quotas, then its full-sync quota): the
/// first that refuses stops the request, and the ones before it keep what they counted, as a vendor counts a refused
/// request against the quotas it already passed.
/// </summary>
internal sealed class BudgetChain(params IRequestBudget[] budgets) : IRequestBudget
{
    public QuotaVerdict Spend(HttpRequest request)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var budget in budgets)
        {
            var verdict = budget.Spend(request);
            headers.AddRange(verdict.Headers);
            if (!verdict.Allowed)
            {
                return new QuotaVerdict(false, headers);
            }
        }

        return new QuotaVerdict(true, headers);
    }
}
