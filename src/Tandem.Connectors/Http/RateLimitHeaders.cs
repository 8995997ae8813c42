using System.Globalization;
using System.Net.Http.Headers;

namespace Tandem.Connectors.Http;

/// <summary>
/// Reads how long a vendor asks to wait: <c>Retry-After</c> (seconds or an HTTP date), else the rate
/// headers vendors send with a 429 or with the last request of a window (<c>x-ratelimit-reset</c>,
/// <c>RateLimit-Reset</c>: seconds until the window resets, as Pipedrive and the IETF draft send them).
/// </summary>
internal static class RateLimitHeaders
{
    private static readonly string[] ResetHeaders = ["x-ratelimit-reset", "ratelimit-reset", "x-rate-limit-reset"];

    private static readonly string[] RemainingHeaders = ["x-ratelimit-remaining", "ratelimit-remaining", "x-rate-limit-remaining"];

    /// <summary>The wait the response asks for, or null when it names none.</summary>
    public static TimeSpan? RequestedWait(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        return ResetWait(response.Headers);
    }

    /// <summary>When the response says the window is used up (remaining 0), the wait until it resets.</summary>
    public static TimeSpan? ExhaustedWindowWait(HttpResponseMessage response)
    {
        var remaining = FirstNumber(response.Headers, RemainingHeaders);
        return remaining is 0 ? ResetWait(response.Headers) : null;
    }

    private static TimeSpan? ResetWait(HttpResponseHeaders headers)
    {
        var seconds = FirstNumber(headers, ResetHeaders);

        // A reset far beyond a day is an epoch timestamp, not a delta; those vendors also send Retry-After.
        return seconds is { } s && s >= 0 && s < 86_400 ? TimeSpan.FromSeconds(s) : null;
    }

    private static double? FirstNumber(HttpResponseHeaders headers, string[] names)
    {
        foreach (var name in names)
        {
            if (headers.TryGetValues(name, out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
