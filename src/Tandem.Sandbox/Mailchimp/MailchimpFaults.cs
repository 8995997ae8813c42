using System.Text;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.OAuth;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// Mailchimp's part of the fault pipeline: the API key (HTTP Basic, any user name) or an OAuth bearer token, the limit of
/// simultaneous connections, and problem documents.
/// </summary>
internal static class MailchimpFaults
{
    public static VendorFaults Describe(MailchimpSandboxOptions options, AuthorizationServer oauth, MailchimpProblems problems) => new()
    {
        IsAuthorized = context => IsAuthorized(context.Request, options, oauth),
        Unauthorized = () => problems.Answer(MailchimpApiException.Unauthorized()),
        TooManyRequests = () => problems.Answer(MailchimpApiException.TooManyRequests()),
        ServerError = status => problems.Answer(new MailchimpApiException(status, "Internal Server Error", "An unexpected internal error has occurred. Please contact Support for more information.")),
        Error = ex => ex is MailchimpApiException error ? problems.Answer(error) : null,
        MaxConcurrentRequests = options.MaxConnections,
    };

    private static bool IsAuthorized(HttpRequest request, MailchimpSandboxOptions options, AuthorizationServer oauth)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        if (header is null)
        {
            return false;
        }

        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return oauth.IsValidAccessToken(header["Bearer ".Length..].Trim());
        }

        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 && string.Equals(pair[(colon + 1)..], options.ApiKey, StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
