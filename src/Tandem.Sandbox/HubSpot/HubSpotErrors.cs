using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.HubSpot;

/// <summary>HubSpot's error body (NOTES.md §4; the specs' <c>Error</c> with the <c>status</c> and 429 <c>policyName</c> the docs show).</summary>
internal static class HubSpotErrors
{
    public const string ContentType = "application/json;charset=utf-8";

    private static long correlations;

    public static IResult Answer(HubSpotApiException error) => new JsonAnswer(error.Status, Body(error), ContentType);

    public static JsonObject Body(HubSpotApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = new JsonObject
        {
            ["status"] = "error",
            ["message"] = error.Message,
            ["correlationId"] = CorrelationId(),
            ["category"] = error.Category,
        };
        if (error.SubCategory is { } sub)
        {
            body["subCategory"] = sub;
        }

        if (error.Context.Count > 0)
        {
            body["context"] = Context(error);
        }

        if (error.PolicyName is { } policy)
        {
            body["errorType"] = "RATE_LIMIT";
            body["policyName"] = policy;
        }

        return body;
    }

    /// <summary>One error of a batch answer (the specs' <c>StandardError</c>).</summary>
    public static JsonObject BatchError(HubSpotApiException error) => new()
    {
        ["status"] = "error",
        ["category"] = error.Category,
        ["message"] = error.Message,
        ["context"] = Context(error),
        ["errors"] = new JsonArray(),
        ["links"] = new JsonObject(),
    };

    /// <summary>A uuid-shaped id per error, from a counter (no randomness in the sandbox).</summary>
    public static string CorrelationId() =>
        string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{Interlocked.Increment(ref correlations):x12}");

    private static JsonObject Context(HubSpotApiException error)
    {
        var context = new JsonObject();
        foreach (var (key, values) in error.Context)
        {
            context[key] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
        }

        return context;
    }
}
