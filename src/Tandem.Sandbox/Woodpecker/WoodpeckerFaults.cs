using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>Woodpecker's part of the fault pipeline: the API key, and its v1 error envelope for 401, 429 and 5xx.</summary>
internal static class WoodpeckerFaults
{
    public static VendorFaults Describe(Func<HttpContext, bool> isAuthorized) => new()
    {
        IsAuthorized = isAuthorized,
        Unauthorized = () => WoodpeckerAnswers.Error(WoodpeckerApiException.Session()),
        TooManyRequests = () => WoodpeckerAnswers.Error(WoodpeckerApiException.TooManyRequests()),
        ServerError = status => WoodpeckerAnswers.Error(new WoodpeckerApiException(status, "E_INTERNAL", "Internal server error")),
        Error = ex => ex is WoodpeckerApiException error ? WoodpeckerAnswers.Error(error) : null,
    };
}
