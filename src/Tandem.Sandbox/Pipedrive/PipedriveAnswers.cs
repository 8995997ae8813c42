using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>Pipedrive's answers: the <c>{success, data, additional_data}</c> envelope and its error bodies, as <c>application/json</c>.</summary>
internal static class PipedriveAnswers
{
    public const string ContentType = "application/json";

    /// <summary>A success in the envelope; <c>additional_data</c> only when there is some.</summary>
    public static IResult Ok(JsonNode? data, JsonObject? additional = null)
    {
        var body = new JsonObject { ["success"] = true, ["data"] = data };
        if (additional is not null)
        {
            body["additional_data"] = additional;
        }

        return new JsonAnswer(200, body, ContentType);
    }

    /// <summary>A body in its own shape (v1 webhooks answer <c>{success, status, data}</c>).</summary>
    public static IResult Whole(int status, JsonObject body) => new JsonAnswer(status, body, ContentType);

    /// <summary>
    /// 401 has the body openapi-v1.yaml gives it (<c>{success, error, errorCode}</c>); other errors Pipedrive's usual
    /// envelope.
    /// </summary>
    public static IResult Error(PipedriveApiException error) => new JsonAnswer(error.Status, error.Status == 401
        ? new JsonObject { ["success"] = false, ["error"] = error.Message, ["errorCode"] = 401 }
        : new JsonObject
        {
            ["success"] = false,
            ["error"] = error.Message,
            ["error_info"] = "Please check developers.pipedrive.com for more information about Pipedrive API.",
            ["data"] = null,
            ["additional_data"] = null,
        }, ContentType);
}
