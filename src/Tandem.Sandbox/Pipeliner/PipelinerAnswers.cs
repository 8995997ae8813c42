using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>Pipeliner's answers: <c>{success, data}</c>, lists with <c>page_info</c>, and its error bodies, as <c>application/json</c>.</summary>
internal static class PipelinerAnswers
{
    public const string ContentType = "application/json";

    public static IResult Ok(JsonNode? data) => new JsonAnswer(200, new JsonObject { ["success"] = true, ["data"] = data }, ContentType);

    /// <summary>A list page; the cursors are there only when the page holds entities.</summary>
    public static IResult Page(IReadOnlyList<JsonObject> items, bool more, Func<JsonObject, string> cursorOf, bool hadPrevious)
    {
        var info = new JsonObject { ["has_previous_page"] = hadPrevious, ["has_next_page"] = more };
        if (items.Count > 0)
        {
            info["start_cursor"] = cursorOf(items[0]);
            info["end_cursor"] = cursorOf(items[^1]);
        }

        return new JsonAnswer(200, new JsonObject
        {
            ["success"] = true,
            ["data"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
            ["page_info"] = info,
        }, ContentType);
    }

    public static IResult Error(PipelinerApiException error) => new JsonAnswer(error.Status, error.Body(), ContentType);
}
