using System.Security.Claims;
using Tandem.Domain.Configuration;
using Tandem.Web.Hooks;
using Tandem.Web.Identity;
using Tandem.Web.Services.Connections;

namespace Tandem.Web.Api;

/// <summary><c>/connections</c>: create, read, edit, delete, preview, start, pause, resume, run, acknowledge deletions, webhooks.</summary>
internal static class ConnectionsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var connections = api.MapGroup("/connections").WithTags("Connections");
        connections.MapGet("/", (ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
                service.ListAsync(Owner.Of(user), ct))
            .WithSummary("Your connections with their state and health counts.");
        connections.MapGet("/options", (string accountA, string accountB, SyncDirection? direction, ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
                service.OptionsAsync(Owner.Of(user), accountA, accountB, direction ?? SyncDirection.TwoWay, ct))
            .WithSummary("Which options two accounts support in a direction (null when available, else why not).");
        connections.MapPost("/", async (ConnectionDraft draft, ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(Owner.Of(user), draft, ct);
                return Results.Created($"{ApiRegistration.Prefix}/connections/{created.Id}", created);
            })
            .WithSummary("Create a connection from the wizard's choices; it waits, paused, for a preview and a start.");
        connections.MapGet("/{id}", (string id, ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
                service.GetAsync(Owner.Of(user), id, ct))
            .WithSummary("One connection.");
        connections.MapPut("/{id}", (string id, ConnectionDraft draft, ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
                service.UpdateAsync(Owner.Of(user), id, draft, ct))
            .WithSummary("Edit a connection (its accounts cannot change); saving rescans unless it is paused.");
        connections.MapDelete("/{id}", async (string id, ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(Owner.Of(user), id, ct);
                return Results.NoContent();
            })
            .WithSummary("Delete a connection and its sync state; no contact is deleted.");
        connections.MapPost("/{id}/preview", (string id, ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
                service.PreviewAsync(Owner.Of(user), id, ct))
            .WithSummary("Dry run: what the next run would create, update, link and exclude; writes nothing.");
        connections.MapPost("/{id}/start", (string id, ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
                service.StartAsync(Owner.Of(user), id, ct))
            .WithSummary("Start syncing (a full scan first).");
        connections.MapPost("/{id}/pause", (string id, ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
                service.PauseAsync(Owner.Of(user), id, ct))
            .WithSummary("Pause; a run in progress finishes first.");
        connections.MapPost("/{id}/resume", (string id, ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
                service.ResumeAsync(Owner.Of(user), id, ct))
            .WithSummary("Resume a paused connection; it rescans both sides.");
        connections.MapPost("/{id}/run", async (string id, ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
                Results.Accepted(value: await service.RunNowAsync(Owner.Of(user), id, ct)))
            .WithSummary("Run now rather than at the next interval (409 when paused).");
        connections.MapPost("/{id}/acknowledge-deletions", (string id, ClaimsPrincipal user, ConnectionService service, CancellationToken ct) =>
                service.AcknowledgeDeletionsAsync(Owner.Of(user), id, ct))
            .WithSummary("After reviewing a tripped deletion guard: let the next run through once.");
        connections.MapGet("/{id}/webhooks", async (string id, HttpRequest request, ClaimsPrincipal user, ConnectionService service, WebhookIntake hooks, WebhookAutoRegistration registration, CancellationToken ct) =>
            {
                var connection = await service.GetStoredAsync(Owner.Of(user), id, ct);
                var server = registration.PublicUrl ?? new Uri($"{request.Scheme}://{request.Host}/");
                return await hooks.DescribeAsync(server, connection.Id, ct);
            })
            .WithSummary("What to enter in each app to push its changes here (URL, and the credentials the app verifies with).")
            .WithDescription("URLs are under Tandem:PublicUrl when the server has one. With it set, starting or resuming a connection registers these webhooks in the apps that allow it "
                + "(the connection's `webhooksRegisteredIn`), pausing or deleting removes them, and `webhookProblem` tells why an app refused; the connection keeps polling either way.");
    }
}
