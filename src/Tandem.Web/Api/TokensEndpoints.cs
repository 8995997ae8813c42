using System.Security.Claims;
using Tandem.Web.Identity;
using Tandem.Web.Identity.ApiTokens;

namespace Tandem.Web.Api;

/// <summary><c>/tokens</c>: your API tokens; <c>/me</c>: who you are signed in as.</summary>
internal static class TokensEndpoints
{
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
                var created = await service.CreateAsync(Owner.Of(user), request.Name, ct);
                return Results.Created($"{ApiRegistration.Prefix}/tokens/{created.Info.Id}", created);
            })
            .WithSummary("Make a token; the answer holds it this once only.");
        tokens.MapDelete("/{id}", async (string id, ClaimsPrincipal user, ApiTokenService service, CancellationToken ct) =>
            {
                await service.RevokeAsync(Owner.Of(user), id, ct);
                return Results.NoContent();
            })
            .WithSummary("Revoke a token at once.");
    }
}
