using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Wooxy;

/// <summary>A request as <c>request/find</c> and the callback show it: id, source, status, dates and per-contact results.</summary>
internal static class RequestShape
{
    /// <summary>The status of a request not processed yet.</summary>
    public const string Pending = "pending";

    /// <summary>The status of a processed request (its results are final).</summary>
    public const string Completed = "completed";

    public static JsonObject Of(StoredRequest request) => new()
    {
        ["id"] = request.Id,
        ["source"] = request.Source,
        ["status"] = request.Processed ? Completed : Pending,
        ["webHookUri"] = request.WebHookUri,
        ["createdAt"] = WooxyStore.Format(request.CreatedAt),
        ["updatedAt"] = WooxyStore.Format(request.UpdatedAt),
        ["results"] = new JsonObject
        {
            ["errors"] = request.Processed ? request.Errors.DeepClone() : new JsonArray(),
            ["success"] = request.Processed ? request.Success.DeepClone() : new JsonArray(),
        },
    };
}
