using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Wooxy;

/// <summary>Wooxy's request bodies (every call is a POST with a JSON object) and its answers.</summary>
internal static class WooxyBody
{
    public static async Task<JsonObject> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? throw WooxyApiException.BadRequest("Bad Request");
        }
        catch (JsonException)
        {
            throw WooxyApiException.BadRequest("Bad Request");
        }
    }

    public static string? Text(JsonObject body, string property) =>
        body[property] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    public static string Required(JsonObject body, string property) =>
        Text(body, property) ?? throw WooxyApiException.BadRequest($"Argument {property} must be a non-empty string");

    public static JsonAnswer Ok(JsonObject body) => new(200, body, "application/json");
}
