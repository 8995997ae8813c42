using System.Text.Json.Nodes;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// Where the next page of a v1 list starts. openapi-v1.yaml puts <c>start</c>, <c>limit</c> and
/// <c>more_items_in_collection</c> under <c>additional_data.pagination</c> (some schemas flatten them into
/// <c>additional_data</c>) and names no <c>next_start</c>, so the next page starts at start + limit.
/// </summary>
internal static class V1Pagination
{
    public static int? NextStart(JsonObject answer, int start, int limit)
    {
        var additional = answer["additional_data"] as JsonObject;
        var pagination = additional?["pagination"] as JsonObject ?? additional;
        if (pagination?["more_items_in_collection"]?.GetValue<bool>() != true)
        {
            return null;
        }

        return Json.Int(pagination, "next_start") ?? (Json.Int(pagination, "start") ?? start) + (Json.Int(pagination, "limit") ?? limit);
    }
}
