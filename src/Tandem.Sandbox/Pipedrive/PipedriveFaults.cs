using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>Pipedrive's part of the fault pipeline: API token or OAuth bearer, the burst window's headers, the daily token budget, its error envelope.</summary>
internal static class PipedriveFaults
{
    public static VendorFaults Describe(Func<HttpContext, bool> isAuthorized, BurstWindow burst, TokenBudget tokens) => new()
    {
        IsAuthorized = isAuthorized,
        Unauthorized = () => PipedriveAnswers.Error(PipedriveApiException.Unauthorized()),
        TooManyRequests = () => PipedriveAnswers.Error(new PipedriveApiException(429, "Request over limit")),
        ServerError = status => PipedriveAnswers.Error(new PipedriveApiException(status, "Internal server error")),
        Error = ex => ex is PipedriveApiException error ? PipedriveAnswers.Error(error) : null,
        Quota = burst,
        Budget = tokens,
    };
}
