using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// One person change for one webhook, as Pipedrive's webhooks v2 post it: JSON <c>{meta:{action, entity, entity_id, …,
/// attempt}, data, previous}</c> with HTTP Basic auth when the webhook has a user. Every attempt's outcome lands in the
/// webhook's <c>last_http_status</c> (0 when there was no answer, as Pipedrive records a timeout).
/// </summary>
internal sealed class PersonWebhookDelivery : IWebhookDelivery
{
    private readonly StoredWebhook webhook;
    private readonly JsonObject body;
    private readonly WebhookEndpoints webhooks;

    public PersonWebhookDelivery(StoredWebhook webhook, PersonChange change, WebhookEndpoints webhooks)
    {
        this.webhook = webhook;
        this.webhooks = webhooks;
        body = Payload(change, webhook);
    }

    /// <summary>Retries stop when the webhook is deleted.</summary>
    public bool IsWanted => webhooks.Exists(webhook.Id);

    public HttpRequestMessage CreateRequest(int attempt)
    {
        var sent = (JsonObject)body.DeepClone();
        sent["meta"]!["attempt"] = attempt;
        var request = new HttpRequestMessage(HttpMethod.Post, webhook.SubscriptionUrl) { Content = JsonContent.Create(sent) };
        if (webhook.HttpAuthUser is not null)
        {
            var pair = Encoding.UTF8.GetBytes(webhook.HttpAuthUser + ":" + (webhook.HttpAuthPassword ?? string.Empty));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }

        return request;
    }

    public void Answered(int? status) => webhooks.Delivered(webhook, status ?? 0);

    /// <summary>Pipedrive bans failing webhooks in its own time; a 410 is a failure like any other here.</summary>
    public void Disable()
    {
    }

    private static JsonObject Payload(PersonChange change, StoredWebhook webhook)
    {
        var previous = change.Action switch
        {
            "change" when change.Previous is not null && change.Current is not null => Changed(change.Previous, change.Current),
            _ => null,
        };
        return new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["action"] = change.Action,
                ["entity"] = "person",
                ["entity_id"] = change.PersonId.ToString(CultureInfo.InvariantCulture),
                ["id"] = Guid.NewGuid().ToString(),
                ["company_id"] = "1",
                ["user_id"] = webhook.UserId.ToString(CultureInfo.InvariantCulture),
                ["webhook_id"] = webhook.Id.ToString(CultureInfo.InvariantCulture),
                ["webhook_owner_id"] = webhook.UserId.ToString(CultureInfo.InvariantCulture),
                ["is_bulk_edit"] = false,
                ["type"] = "general",
                ["version"] = "2.0",
                ["attempt"] = 1,
                ["timestamp"] = change.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            },
            ["data"] = change.Current?.DeepClone(),
            ["previous"] = previous,
        };
    }

    /// <summary>The properties (custom fields one by one) whose value differs, as they were before.</summary>
    private static JsonObject Changed(JsonObject before, JsonObject after)
    {
        var changed = new JsonObject();
        foreach (var (key, value) in before)
        {
            if (key is "update_time")
            {
                continue;
            }

            if (key == "custom_fields" && value is JsonObject oldCustom && after[key] is JsonObject newCustom)
            {
                var custom = new JsonObject();
                foreach (var (field, old) in oldCustom.Where(f => !JsonNode.DeepEquals(f.Value, newCustom[f.Key])))
                {
                    custom[field] = old?.DeepClone();
                }

                if (custom.Count > 0)
                {
                    changed["custom_fields"] = custom;
                }
            }
            else if (!JsonNode.DeepEquals(value, after[key]))
            {
                changed[key] = value?.DeepClone();
            }
        }

        foreach (var (key, _) in after.Where(a => !before.ContainsKey(a.Key)))
        {
            changed[key] = null;
        }

        return changed;
    }
}
