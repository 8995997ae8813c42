using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// Google's error envelope: <c>{"error":{"code","message","status","details":[…]}}</c>, where details carry a
/// <c>google.rpc.ErrorInfo</c> with the reason (for example EXPIRED_SYNC_TOKEN) when there is one.
/// </summary>
internal static class GoogleErrors
{
    /// <summary>Google's JSON content type, charset in capitals.</summary>
    public const string ContentType = "application/json; charset=UTF-8";

    public static JsonObject Envelope(GoogleApiException error)
    {
        var body = new JsonObject
        {
            ["code"] = error.Code,
            ["message"] = error.Message,
            ["status"] = error.Status,
        };
        if (error.Reason is { } reason)
        {
            body["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                ["reason"] = reason,
                ["domain"] = "googleapis.com",
                ["metadata"] = new JsonObject { ["service"] = "people.googleapis.com" },
            });
        }

        return new JsonObject { ["error"] = body };
    }

    public static async Task WriteAsync(HttpContext context, GoogleApiException error)
    {
        if (error.Code == 401)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"";
        }

        await WriteJsonAsync(context, error.Code, Envelope(error)).ConfigureAwait(false);
    }

    public static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    public static GoogleApiException Unauthenticated() => new(
        401,
        "UNAUTHENTICATED",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
        "ACCESS_TOKEN_TYPE_UNSUPPORTED");

    public static GoogleApiException QuotaExceeded() => new(
        429,
        "RESOURCE_EXHAUSTED",
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'people.googleapis.com'.",
        "RATE_LIMIT_EXCEEDED");

    public static GoogleApiException ExpiredSyncToken() => new(
        400,
        "FAILED_PRECONDITION",
        "Sync token is expired. Clear local cache and retry call without the sync token.",
        "EXPIRED_SYNC_TOKEN");

    public static GoogleApiException StaleEtag() => new(
        400,
        "FAILED_PRECONDITION",
        "Request person.etag is different than the current person.etag. Clear local cache and get the latest person.");
}
