using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.HubSpot;

/// <summary>HubSpot's part of the fault pipeline: a private app token or an OAuth bearer, its limits' headers, its error body.</summary>
internal static class HubSpotFaults
{
    public static VendorFaults Describe(Func<HttpContext, bool> isAuthorized, HubSpotRateLimits limits) => new()
    {
        IsAuthorized = isAuthorized,
        Unauthorized = () => HubSpotErrors.Answer(HubSpotApiException.Unauthorized()),
        TooManyRequests = () => HubSpotErrors.Answer(RateLimited(limits.LastRefusal)),
        ServerError = status => HubSpotErrors.Answer(new HubSpotApiException(status, "INTERNAL_ERROR", "internal error")),
        Error = ex => ex is HubSpotApiException error ? HubSpotErrors.Answer(error) : null,
        Quota = limits,
    };

    public static HubSpotApiException RateLimited(string policy) => HubSpotApiException.RateLimited(
        policy,
        policy switch
        {
            HubSpotRateLimits.Daily => "You have reached your daily limit.",
            HubSpotRateLimits.Secondly => "You have reached your secondly limit.",
            _ => "You have reached your ten_secondly_rolling limit.",
        });
}
