using System.Security.Claims;
using Tandem.Web.Identity;
using Tandem.Web.Identity.Users;

namespace Tandem.Web.Api;

/// <summary><c>/users</c> and <c>/invitations</c>: the administrator's (the first user's); anyone else gets 404.</summary>
internal static class UsersEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", (ClaimsPrincipal user, UserDirectory directory, CancellationToken ct) =>
                directory.ListAsync(Owner.Of(user), ct))
            .WithSummary("Every user of this server (administrator only).");
        users.MapPost("/{id}/disable", (string id, ClaimsPrincipal user, UserDirectory directory, CancellationToken ct) =>
                directory.DisableAsync(Owner.Of(user), id, ct))
            .WithSummary("Disable a user at once: no sign-in, their cookies and API tokens refused (administrator only).");
        api.MapPost("/invitations", async (InviteRequest request, HttpContext context, UserDirectory directory) =>
                await directory.InviteAsync(Owner.Of(context.User), request.Email, new Uri($"{context.Request.Scheme}://{context.Request.Host}/")))
            .WithTags("Users")
            .WithSummary("An invitation link for one email address, valid for seven days (administrator only).");
    }
}
