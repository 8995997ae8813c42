using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// <c>POST /_sandbox/faults</c> with a JSON object of switches, for trying the faults without code:
/// <c>{"rateLimit":3,"serverErrors":2,"serverErrorStatus":500,"slow":1,"slowMillis":2000,"lose":1,"staleEtags":1,
/// "expireSyncTokens":true,"revokeAccessTokens":true,"reset":true}</c>.
/// </summary>
internal static class FaultAdmin
{
    public static async Task ApplyAsync(HttpContext context, GoogleSandboxFaults faults, GoogleOAuthServer oauth)
    {
        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (body["reset"]?.GetValue<bool>() == true)
        {
            faults.Reset();
        }

        if (body["serverErrorStatus"]?.GetValue<int>() is { } status)
        {
            faults.ServerErrorStatus = status;
        }

        if (body["slowMillis"]?.GetValue<int>() is { } millis)
        {
            faults.SlowDelay = TimeSpan.FromMilliseconds(millis);
        }

        Count(body, "rateLimit", faults.RateLimitStorm);
        Count(body, "serverErrors", faults.ServerErrors);
        Count(body, "slow", faults.SlowResponses);
        Count(body, "lose", faults.LoseResponses);
        Count(body, "staleEtags", faults.StaleEtags);
        if (body["expireSyncTokens"]?.GetValue<bool>() == true)
        {
            faults.ExpireSyncTokens();
        }

        if (body["revokeAccessTokens"]?.GetValue<bool>() == true)
        {
            oauth.RevokeAccessTokens();
        }

        context.Response.StatusCode = 204;
    }

    private static void Count(JsonObject body, string name, Action<int> apply)
    {
        if (body[name]?.GetValue<int>() is { } count)
        {
            apply(count);
        }
    }
}
