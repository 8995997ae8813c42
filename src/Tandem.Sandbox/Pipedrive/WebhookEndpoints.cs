using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// v1 <c>GET/POST /webhooks</c> and <c>DELETE /webhooks/{id}</c> as openapi-v1.yaml describes them: the body has
/// <c>{success, status, data}</c> (no <c>additional_data</c>); a refused webhook is 400 with <c>errors</c> per field.
/// Only <c>version</c> "2.0" is delivered (the default since 2025-03-17); "1.0" is refused, not simulated.
/// </summary>
internal sealed class WebhookEndpoints
{
    private static readonly string[] Actions = ["create", "change", "delete", "*"];
    private static readonly string[] Objects = ["activity", "deal", "lead", "note", "organization", "person", "pipeline", "product", "stage", "user", "*"];
    private readonly Lock gate = new();
    private readonly List<StoredWebhook> webhooks = [];
    private readonly TimeProvider time;
    private readonly int userId;
    private int nextId = 1;

    public WebhookEndpoints(TimeProvider time, int userId)
    {
        this.time = time;
        this.userId = userId;
    }

    public IReadOnlyList<StoredWebhook> Matching(string action, string entity)
    {
        lock (gate)
        {
            return webhooks.Where(w => w.Wants(action, entity)).ToList();
        }
    }

    public JsonObject List()
    {
        lock (gate)
        {
            return Ok(new JsonArray(webhooks.Select(w => (JsonNode)Shape(w)).ToArray()));
        }
    }

    public (int Status, JsonObject Body) Create(JsonObject body)
    {
        var errors = new JsonObject();
        var url = Text(body, "subscription_url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            errors["subscription_url"] = new JsonArray("invalid or non-reachable URL");
            parsed = null;
        }

        var action = Text(body, "event_action");
        if (action is null || !Actions.Contains(action))
        {
            errors["event_action"] = new JsonArray("must be one of create, change, delete, *");
        }

        var entity = Text(body, "event_object");
        if (entity is null || !Objects.Contains(entity))
        {
            errors["event_object"] = new JsonArray("must be a known object or *");
        }

        var name = Text(body, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = new JsonArray("is required");
        }

        if ((Text(body, "version") ?? "2.0") != "2.0")
        {
            errors["version"] = new JsonArray("the sandbox delivers webhooks v2 only");
        }

        if (errors.Count > 0)
        {
            return (400, new JsonObject { ["status"] = "error", ["success"] = false, ["errors"] = errors });
        }

        lock (gate)
        {
            var webhook = new StoredWebhook(nextId++, name!, parsed!, action!, entity!, Text(body, "http_auth_user"), Text(body, "http_auth_password"),
                body["user_id"] is JsonValue user && user.TryGetValue<int>(out var id) ? id : userId, time.GetUtcNow());
            webhooks.Add(webhook);
            return (201, Ok(Shape(webhook)));
        }
    }

    public JsonObject Delete(int id)
    {
        lock (gate)
        {
            if (webhooks.RemoveAll(w => w.Id == id) == 0)
            {
                throw PipedriveApiException.NotFound("Webhook");
            }
        }

        return new JsonObject { ["status"] = "ok", ["success"] = true };
    }

    /// <summary>True while the webhook is registered (a deleted one gets no more retries).</summary>
    public bool Exists(int id)
    {
        lock (gate)
        {
            return webhooks.Any(w => w.Id == id);
        }
    }

    public void Delivered(StoredWebhook webhook, int status)
    {
        lock (gate)
        {
            webhook.LastDeliveryTime = time.GetUtcNow();
            webhook.LastHttpStatus = status;
        }
    }

    private static JsonObject Ok(JsonNode data) => new() { ["status"] = "ok", ["success"] = true, ["data"] = data };

    private JsonObject Shape(StoredWebhook w) => new()
    {
        ["id"] = w.Id,
        ["company_id"] = 1,
        ["owner_id"] = userId,
        ["user_id"] = w.UserId,
        ["event_action"] = w.EventAction,
        ["event_object"] = w.EventObject,
        ["subscription_url"] = w.SubscriptionUrl.ToString(),
        ["version"] = "2.0",
        ["is_active"] = 1,
        ["add_time"] = Stamp(w.AddedAt),
        ["remove_time"] = null,
        ["type"] = "general",
        ["http_auth_user"] = w.HttpAuthUser,
        // Pipedrive returns the password it will send; the sandbox does too (it is the subscriber's own secret).
        ["http_auth_password"] = w.HttpAuthPassword,
        ["remove_reason"] = null,
        ["last_delivery_time"] = w.LastDeliveryTime is { } at ? Stamp(at) : null,
        ["last_http_status"] = w.LastHttpStatus,
        ["admin_id"] = userId,
        ["name"] = w.Name,
    };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Text(JsonObject body, string name) => body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
