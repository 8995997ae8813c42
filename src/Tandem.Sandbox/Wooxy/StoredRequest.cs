using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Wooxy;

/// <summary>
/// One asynchronous add, update or remove request: its body is applied once the request is processed, and until then
/// its status is pending and its results empty.
/// </summary>
internal sealed class StoredRequest(string id, string source, JsonObject body, DateTimeOffset createdAt)
{
    public string Id => id;

    /// <summary>The API method ("contacts/add", "contacts/update", "contacts/remove").</summary>
    public string Source => source;

    public JsonObject Body => body;

    public string? WebHookUri => body["webHookUri"] is JsonValue v && v.TryGetValue<string>(out var url) && url.Length > 0 ? url : null;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public bool Processed { get; set; }

    /// <summary>Held pending by the sandbox's stall switch until released.</summary>
    public bool Stalled { get; set; }

    public JsonArray Errors { get; } = [];

    public JsonArray Success { get; } = [];
}
