using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// Delivers person changes to the webhooks that want them, as Pipedrive's webhooks v2 do: a JSON POST
/// <c>{meta:{action, entity, entity_id, …}, data, previous}</c> with HTTP Basic auth when the webhook has a user.
/// <c>data</c> is the person after the change (on a delete, with <c>is_deleted: true</c>); <c>previous</c> holds the
/// changed properties as they were (null on a create). Deliveries go one at a time, in the order of the changes; a
/// failed delivery is recorded (<c>last_http_status</c>) and not repeated.
/// </summary>
internal sealed class WebhookDispatcher : IDisposable
{
    private readonly HttpClient http;
    private readonly WebhookEndpoints webhooks;
    private readonly Lock gate = new();
    private Task tail = Task.CompletedTask;
    private long deliveries;

    public WebhookDispatcher(WebhookEndpoints webhooks, HttpMessageHandler? handler)
    {
        this.webhooks = webhooks;
        http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>Deliveries attempted so far.</summary>
    public long Deliveries => Interlocked.Read(ref deliveries);

    public void Enqueue(PersonChange change)
    {
        var targets = webhooks.Matching(change.Action, "person");
        if (targets.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            foreach (var webhook in targets)
            {
                var body = Payload(change, webhook);
                var previous = tail;
                tail = Task.Run(async () =>
                {
                    await previous.ConfigureAwait(false);
                    await DeliverAsync(webhook, body).ConfigureAwait(false);
                });
            }
        }
    }

    /// <summary>Completes when every delivery queued so far has been attempted.</summary>
    public Task FlushAsync()
    {
        lock (gate)
        {
            return tail;
        }
    }

    public void Dispose() => http.Dispose();

    private async Task DeliverAsync(StoredWebhook webhook, JsonObject body)
    {
        Interlocked.Increment(ref deliveries);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.SubscriptionUrl) { Content = JsonContent.Create(body) };
        if (webhook.HttpAuthUser is not null)
        {
            var pair = Encoding.UTF8.GetBytes(webhook.HttpAuthUser + ":" + (webhook.HttpAuthPassword ?? string.Empty));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }

        try
        {
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            webhooks.Delivered(webhook, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            webhooks.Delivered(webhook, 0);
        }
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
