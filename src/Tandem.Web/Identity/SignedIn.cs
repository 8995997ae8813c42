using System.Security.Claims;
using Tandem.Web.Identity.ApiTokens;

namespace Tandem.Web.Identity;

/// <summary>How a request was signed in, for the checks that only a browser's cookie needs.</summary>
public static class SignedIn
{
    /// <summary>
    /// True when only the UI's cookie signs the request in. A browser sends the cookie with a form or request another
    /// site makes (cross-site request forgery); no other site can add an <c>Authorization: Bearer</c> header.
    /// </summary>
    public static bool ByCookieOnly(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identities.Any(i => i.IsAuthenticated)
            && !user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == ApiTokenAuthenticationHandler.SchemeName);
    }
}
