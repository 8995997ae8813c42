using System.Security.Claims;
using Tandem.Web.Identity;
using Tandem.Web.Identity.ApiTokens;

namespace Tandem.Web.Api;

/// <summary><c>/tokens</c>: your API tokens; <c>/me</c>: who you are signed in as.</summary>
internal static class TokensEndpoints
{
    public const string TokenCannotMintToken = "An API token cannot make another token: make tokens signed in to the web app.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => new { userId = Owner.Of(user).UserId })
            .WithTags("Tokens")
            .WithSummary("The id of the user the request is signed in as.");
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("/", (ClaimsPrincipal user, ApiTokenService service, CancellationToken ct) =>
                service.ListAsync(Owner.Of(user), ct))
            .WithSummary("Your API tokens (never the tokens themselves).");
        tokens.MapPost("/", async (CreateTokenRequest request, ClaimsPrincipal user, ApiTokenService service, CancellationToken ct) =>
            {
                // A stolen token must not be able to outlive its revocation by minting a successor.
                if (!SignedIn.ByCookieOnly(user))
                {
                    return Results.Problem(TokenCannotMintToken, statusCode: StatusCodes.Status403Forbidden);
                }

                var created = await service.CreateAsync(Owner.Of(user), request.Name, ct, request.ExpiresAt, request.ReadOnly);
                return Results.Created($"{ApiRegistration.Prefix}/tokens/{created.Info.Id}", created);
            })
            .WithSummary("Make a token (optionally expiring, optionally read-only); the answer holds it this once only. Signed in on the web app only: a token cannot make another token.");
        tokens.MapDelete("/{id}", async (string id, ClaimsPrincipal user, ApiTokenService service, CancellationToken ct) =>
            {
                await service.RevokeAsync(Owner.Of(user), id, ct);
                return Results.NoContent();
            })
            .WithSummary("Revoke a token at once.");
    }
}
