using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.Salesmate;

/// <summary>
/// Salesmate's part of the fault pipeline: the <c>accessToken</c> and <c>x-linkname</c> headers, and its envelope for
/// 401, 429 and 5xx. Salesmate publishes no rate limit, so only the storm switch refuses with 429.
/// </summary>
internal static class SalesmateFaults
{
    public static VendorFaults Describe(SalesmateSandboxOptions options) => new()
    {
        IsAuthorized = context => IsAuthorized(context.Request, options),
        Unauthorized = () => SalesmateAnswers.Error(SalesmateApiException.Unauthorized()),
        TooManyRequests = () => SalesmateAnswers.Error(new SalesmateApiException(429, "4029", "TooManyRequests", "Too many requests.")),
        ServerError = status => SalesmateAnswers.Error(new SalesmateApiException(status, "5000", "InternalServerError", "Something went wrong.")),
        Error = ex => ex is SalesmateApiException error ? SalesmateAnswers.Error(error) : null,
        IsRead = request => request.Path.Value?.EndsWith("/search", StringComparison.Ordinal) == true,
    };

    private static bool IsAuthorized(HttpRequest request, SalesmateSandboxOptions options) =>
        string.Equals(request.Headers["accessToken"].FirstOrDefault(), options.SessionKey, StringComparison.Ordinal)
        && string.Equals(request.Headers["x-linkname"].FirstOrDefault(), options.LinkHost, StringComparison.OrdinalIgnoreCase);
}
