using System.Security.Claims;
using Tandem.Domain.Configuration;
using Tandem.Engine.State;
using Tandem.Web.Identity;
using Tandem.Web.Services.Status;

namespace Tandem.Web.Api;

/// <summary>Health by reason down to each contact, the activity log and activity over time.</summary>
internal static class StatusEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/connections/{id}/health", (string id, ClaimsPrincipal user, HealthService service, CancellationToken ct) =>
                service.GetAsync(Owner.Of(user), id, ct))
            .WithTags("Status")
            .WithSummary("In sync, excluded and failed counts, grouped by side and reason, and the scan's progress.");
        api.MapGet("/connections/{id}/health/contacts", (string id, HealthStatus? status, string? reason, Side? side, int? limit, int? offset, ClaimsPrincipal user, HealthService service, CancellationToken ct) =>
                service.ContactsAsync(Owner.Of(user), id, status, reason, side, limit ?? 100, offset ?? 0, ct))
            .WithTags("Status")
            .WithSummary("The excluded or failed contacts (of one status, reason and side), a page at a time.");
        api.MapGet("/connections/{id}/duplicates", (string id, int? limit, ClaimsPrincipal user, DuplicateService service, CancellationToken ct) =>
                service.ListAsync(Owner.Of(user), id, limit ?? 50, ct))
            .WithTags("Status")
            .WithSummary("Contacts that have a twin in their own app (the same email twice), each set with all its contacts; Tandem syncs none of them until they are cleaned up in the app.");
        api.MapGet("/connections/{id}/activity", (string id, int? limit, long? before, ClaimsPrincipal user, ActivityService service, CancellationToken ct) =>
                service.LogAsync(Owner.Of(user), id, limit ?? 50, before, ct))
            .WithTags("Status")
            .WithSummary("The connection's activity log, newest first; `before` pages back.");
        api.MapGet("/activity", (int? limit, long? before, ClaimsPrincipal user, ActivityService service, CancellationToken ct) =>
                service.LogAsync(Owner.Of(user), connectionId: null, limit ?? 50, before, ct))
            .WithTags("Status")
            .WithSummary("The activity log of all your connections, newest first.");
        api.MapGet("/connections/{id}/activity/timeline", (string id, DateTimeOffset? from, DateTimeOffset? to, int? bucketMinutes, ClaimsPrincipal user, ActivityService service, CancellationToken ct) =>
                service.TimelineAsync(Owner.Of(user), id, from, to, bucketMinutes is { } m ? TimeSpan.FromMinutes(m) : null, ct))
            .WithTags("Status")
            .WithSummary("Activity lines per kind per time bucket (default: the last 24 hours by hour).");
    }
}
