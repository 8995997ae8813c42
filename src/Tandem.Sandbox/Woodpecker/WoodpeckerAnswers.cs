using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>Woodpecker's v1 answers as <c>application/json</c>: bare arrays for listings, 204 for an empty one, the status envelope for errors.</summary>
internal static class WoodpeckerAnswers
{
    public const string ContentType = "application/json";

    public static IResult Ok(JsonNode body) => new JsonAnswer(200, body, ContentType);

    /// <summary>"If Woodpecker API returns empty dataset, you will receive 204 No Content" (help.woodpecker.co, Error codes).</summary>
    public static IResult NoContent() => new JsonAnswer(204, null, ContentType);

    public static IResult Status(int status, JsonObject body) => new JsonAnswer(status, body, ContentType);

    public static IResult Error(WoodpeckerApiException error) => new JsonAnswer(error.Status, Envelope("ERROR", error.Code, error.Message), ContentType);

    public static JsonObject Envelope(string status, string code, string message) => new()
    {
        ["status"] = new JsonObject { ["status"] = status, ["code"] = code, ["msg"] = message },
    };
}
