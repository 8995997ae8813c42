using System.Security.Claims;
using Tandem.Web.Identity;
using Tandem.Web.Services.Accounts;

namespace Tandem.Web.Api;

/// <summary><c>/accounts</c>: authorise, list, re-authorise, rename, test and remove connected accounts.</summary>
internal static class AccountsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", (ClaimsPrincipal user, AccountService service, CancellationToken ct) =>
                service.ListAsync(Owner.Of(user), ct))
            .WithSummary("Your connected accounts (secrets are never returned).");
        accounts.MapPost("/", async (AuthorizeAccountRequest request, ClaimsPrincipal user, AccountService service, CancellationToken ct) =>
            {
                var account = await service.AuthorizeAsync(Owner.Of(user), request, ct);
                return Results.Created($"{ApiRegistration.Prefix}/accounts/{account.Id}", account);
            })
            .WithSummary("Authorise an account: the values are tried against the app at once; a refusal says why and stores nothing.");
        accounts.MapGet("/{id}", (string id, ClaimsPrincipal user, AccountService service, CancellationToken ct) =>
                service.GetAsync(Owner.Of(user), id, ct))
            .WithSummary("One account.");
        accounts.MapPut("/{id}/authorization", (string id, ReauthorizeAccountRequest request, ClaimsPrincipal user, AccountService service, CancellationToken ct) =>
                service.ReauthorizeAsync(Owner.Of(user), id, request, ct))
            .WithSummary("Re-authorise: values given replace the stored ones, after the app accepts them.");
        accounts.MapPatch("/{id}", (string id, RenameRequest request, ClaimsPrincipal user, AccountService service, CancellationToken ct) =>
                service.RenameAsync(Owner.Of(user), id, request.Name, ct))
            .WithSummary("Rename an account.");
        accounts.MapPost("/{id}/test", (string id, ClaimsPrincipal user, AccountService service, CancellationToken ct) =>
                service.TestAsync(Owner.Of(user), id, ct))
            .WithSummary("Try the stored values against the app now.");
        accounts.MapDelete("/{id}", async (string id, ClaimsPrincipal user, AccountService service, CancellationToken ct) =>
            {
                await service.RemoveAsync(Owner.Of(user), id, ct);
                return Results.NoContent();
            })
            .WithSummary("Remove an account no connection uses (409 names the connections that do).");
    }
}
