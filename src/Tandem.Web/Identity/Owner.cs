using System.Security.Claims;

namespace Tandem.Web.Identity;

/// <summary>
/// The signed-in user on whose behalf a service call runs. Every service method takes one, so no call can
/// reach another user's accounts, connections or logs by accident.
/// </summary>
/// <param name="UserId">The user's id: the owner id stored on accounts and connections.</param>
public sealed record Owner(string UserId)
{
    /// <summary>The owner of a signed-in principal (cookie or API token).</summary>
    /// <exception cref="InvalidOperationException">The principal is not signed in.</exception>
    public static Owner Of(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return string.IsNullOrEmpty(id) ? throw new InvalidOperationException("The request is not signed in.") : new Owner(id);
    }
}
