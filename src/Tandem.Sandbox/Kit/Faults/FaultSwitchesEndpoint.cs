using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tandem.Sandbox.Kit.Faults;

/// <summary>
/// <c>POST /_sandbox/faults</c> with a JSON object of switches, for trying the faults without code (every sandbox has it):
/// <c>{"rateLimit":3,"serverErrors":2,"serverErrorStatus":500,"slow":1,"slowMillis":2000,"lose":1,"drop":1,"staleVersions":1,
/// "revokeAccessTokens":true,"reset":true}</c> plus the app's own switches (<see cref="SandboxFaults.Apply"/>). 204 when
/// applied, 400 when the body is not such an object.
/// </summary>
internal static class FaultSwitchesEndpoint
{
    public const string Path = "/_sandbox/faults";

    /// <param name="routes">The app's routes.</param>
    /// <param name="faults">The app's switches.</param>
    /// <param name="revokeAccessTokens">Revokes the app's access tokens, when it issues any.</param>
    public static void Map(IEndpointRouteBuilder routes, SandboxFaults faults, Action? revokeAccessTokens = null) =>
        routes.MapPost(Path, async (HttpContext context) =>
        {
            try
            {
                var switches = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject ?? [];
                faults.Apply(switches);
                if (revokeAccessTokens is not null && switches["revokeAccessTokens"]?.GetValue<bool>() == true)
                {
                    revokeAccessTokens();
                }

                return Results.NoContent();
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                return Results.BadRequest();
            }
        });
}
