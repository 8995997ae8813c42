using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Salesmate;

/// <summary>Salesmate's answers: the <c>{Status, Data, Error}</c> envelope, as <c>application/json</c>.</summary>
internal static class SalesmateAnswers
{
    public const string ContentType = "application/json; charset=utf-8";

    public static IResult Ok(JsonNode? data) => new JsonAnswer(200, new JsonObject { ["Status"] = "success", ["Data"] = data }, ContentType);

    public static IResult Error(SalesmateApiException error) => new JsonAnswer(error.Status, new JsonObject
    {
        ["Status"] = "failure",
        ["Error"] = new JsonObject { ["Code"] = error.Code, ["Name"] = error.Name, ["Message"] = error.Message },
    }, ContentType);
}
