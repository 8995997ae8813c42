using System.Text;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>
/// Pipeliner's part of the fault pipeline: HTTP Basic with the API token and password, its error body for 401, 429 and
/// 5xx. Pipeliner publishes no rate limit, so only the storm switch refuses with 429.
/// </summary>
internal static class PipelinerFaults
{
    public static VendorFaults Describe(PipelinerSandboxOptions options) => new()
    {
        IsAuthorized = context => IsAuthorized(context, options),
        Unauthorized = () => PipelinerAnswers.Error(PipelinerApiException.Unauthorized()),
        TooManyRequests = () => PipelinerAnswers.Error(new PipelinerApiException(429, 42900, "ERROR_TOO_MANY_REQUESTS", "Too many requests")),
        ServerError = status => PipelinerAnswers.Error(new PipelinerApiException(status, 50000, "ERROR_INTERNAL", "Internal server error")),
        Error = ex => ex is PipelinerApiException error ? PipelinerAnswers.Error(error) : null,
    };

    private static bool IsAuthorized(HttpContext context, PipelinerSandboxOptions options)
    {
        var header = context.Request.Headers.Authorization.FirstOrDefault();
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            return string.Equals(pair, options.ApiToken + ":" + options.ApiPassword, StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
