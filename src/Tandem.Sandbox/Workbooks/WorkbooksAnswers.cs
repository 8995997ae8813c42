using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Workbooks;

/// <summary>Workbooks' answers: JSON with <c>application/json; charset=utf-8</c>, as the client library's examples show.</summary>
internal static class WorkbooksAnswers
{
    public const string ContentType = "application/json; charset=utf-8";

    public static IResult Json(JsonObject body, int status = 200) => new JsonAnswer(status, body, ContentType);

    /// <summary>A listing: <c>{success, total, data, flash, updates}</c>.</summary>
    public static IResult List(JsonArray data, int total) => Json(new JsonObject
    {
        ["success"] = true,
        ["total"] = total,
        ["data"] = data,
        ["flash"] = string.Empty,
        ["updates"] = new JsonObject(),
    });

    public static IResult Error(WorkbooksApiException error) => Json(
        new JsonObject
        {
            ["success"] = false,
            ["failure_reason"] = error.FailureReason,
            ["failure_message"] = error.Message,
        },
        error.Status);
}
