using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Kit.Faults;

/// <summary>
/// A vendor's daily budget on the sandbox's clock, where requests cost different amounts (Pipedrive's tokens): spends
/// what the request costs and says whether it may go on, with the vendor's headers. Taken after the rate limit.
/// </summary>
internal interface IRequestBudget
{
    QuotaVerdict Spend(HttpRequest request);
}
