using System.Text.Json.Nodes;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// One batch answer read per input (HTTP 200/201, or 207 with <c>errors[]</c>): the objects done, by the key each
/// input was sent with, and each failed input's error, found by the key its <c>context</c> names (<c>ids</c> for
/// updates, <c>objectWriteTraceId</c> for creates).
/// </summary>
internal sealed class BatchOutcome
{
    public Dictionary<string, JsonObject> Done { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (string Category, string Message)> Failed { get; } = new(StringComparer.Ordinal);

    public static BatchOutcome Read(JsonObject answer, string resultKey, string contextKey)
    {
        var outcome = new BatchOutcome();
        foreach (var result in Json.Items(answer, "results"))
        {
            if (Json.Text(result, resultKey) is { } key)
            {
                outcome.Done[key] = result;
            }
        }

        foreach (var error in Json.Items(answer, "errors"))
        {
            var keys = ((error["context"] as JsonObject)?[contextKey] as JsonArray ?? []).Select(Json.Text).OfType<string>();
            foreach (var key in keys)
            {
                outcome.Failed[key] = (Json.Text(error, "category") ?? string.Empty, Json.Text(error, "message") ?? string.Empty);
            }
        }

        return outcome;
    }
}
