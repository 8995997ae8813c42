using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>Google's part of the fault pipeline: OAuth bearer tokens, the per-minute quotas (all requests; reads and writes apart), the full-sync quota, its error envelope.</summary>
internal static class GoogleFaults
{
    public static VendorFaults Describe(Func<HttpContext, bool> isAuthorized, PerMinuteQuota quota, ReadWriteQuota readsAndWrites, FullSyncQuota fullSyncs) => new()
    {
        IsAuthorized = isAuthorized,
        Unauthorized = () => new GoogleErrorAnswer(GoogleErrors.Unauthenticated()),
        TooManyRequests = () => new GoogleErrorAnswer(GoogleErrors.QuotaExceeded()),
        ServerError = status => new GoogleErrorAnswer(status == 500
            ? new GoogleApiException(500, "INTERNAL", "Internal error encountered.")
            : new GoogleApiException(503, "UNAVAILABLE", "The service is currently unavailable.")),
        Error = ex => ex is GoogleApiException error ? new GoogleErrorAnswer(error) : null,
        Quota = quota,
        Budget = new BudgetChain(readsAndWrites, fullSyncs),
    };
}
