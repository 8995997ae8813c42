using System.Security.Claims;
using Tandem.Engine.Matching;
using Tandem.Web.Identity;
using Tandem.Web.Services.Matching;

namespace Tandem.Web.Api;

/// <summary>The "Possible matches" review queue: likely duplicates across the two apps, linked or kept apart by the user.</summary>
internal static class PossibleMatchEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/connections/{id}/possible-matches", (string id, int? limit, ClaimsPrincipal user, PossibleMatchService service, CancellationToken ct) =>
                service.ListAsync(Owner.Of(user), id, limit ?? 50, ct))
            .WithTags("Matching")
            .WithSummary("Contacts of the two apps with the same name and the same phone number or company but no email in common, side by side; Tandem creates neither until you link them or keep them apart.");
        api.MapPost("/connections/{id}/possible-matches/{matchId:long}/link", async (string id, long matchId, ClaimsPrincipal user, PossibleMatchService service, CancellationToken ct) =>
            {
                await service.DecideAsync(Owner.Of(user), id, matchId, PossibleMatchDecision.Link, ct);
                return Results.NoContent();
            })
            .WithTags("Matching")
            .WithSummary("They are one person: the next sync links them and they sync as one.");
        api.MapPost("/connections/{id}/possible-matches/{matchId:long}/keep-apart", async (string id, long matchId, ClaimsPrincipal user, PossibleMatchService service, CancellationToken ct) =>
            {
                await service.DecideAsync(Owner.Of(user), id, matchId, PossibleMatchDecision.KeepApart, ct);
                return Results.NoContent();
            })
            .WithTags("Matching")
            .WithSummary("They are two people: each is synced on its own, as the connection's rules and options say, and the pair is never proposed again.");
    }
}
