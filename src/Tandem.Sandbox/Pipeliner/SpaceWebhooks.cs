using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>
/// The space's webhooks, <c>entities/Webhooks</c> (Pipeliner's "Webhooks (Real-time updates)" page and webhooks
/// tutorial): created with <c>url</c>, <c>events</c> (such as <c>Contact.Create</c>, or <c>Contact.*</c>) and
/// <c>insecure_ssl</c>, listed, deleted. Each contact change is posted to the webhooks whose events name it, as the JSON
/// of the entity (the page: "sends to your specified URL the JSON with the body of the newly created" entity). Whether
/// the entity is wrapped, which headers come with it, how failures are retried and whether a 410 ends a webhook are not
/// documented: the sandbox posts the entity alone, retries on the kit's schedule and keeps the webhook (**unverified**).
/// </summary>
internal sealed class SpaceWebhooks
{
    /// <summary>The entity events the sandbox accepts; only contacts' fire.</summary>
    private static readonly string[] Entities = ["Account", "Contact", "Opportunity", "Lead", "Task", "Email", "Appointment", "Product", "OpptyProductRelation"];

    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonObject> webhooks = new(StringComparer.Ordinal);
    private readonly WebhookQueue deliveries;
    private readonly TimeProvider time;

    public SpaceWebhooks(WebhookQueue deliveries, TimeProvider time)
    {
        this.deliveries = deliveries;
        this.time = time;
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return webhooks.Count;
            }
        }
    }

    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("Webhooks", () =>
        {
            lock (gate)
            {
                return ContactEndpoints.Whole([.. webhooks.Values.Select(w => (JsonObject)w.DeepClone())]);
            }
        });
        api.MapPost("Webhooks", async Task<IResult> (HttpContext c) => PipelinerAnswers.Ok(Create(await ContactEndpoints.ObjectAsync(c).ConfigureAwait(false))));
        api.MapDelete("Webhooks/{id}", (string id) =>
        {
            lock (gate)
            {
                return webhooks.Remove(id) ? PipelinerAnswers.Ok(id) : throw PipelinerApiException.EntityNotFound(id);
            }
        });
    }

    /// <summary>Posts a contact's change to every webhook that listens for it.</summary>
    public void Announce(string eventName, JsonObject contact)
    {
        List<(string Id, Uri Url)> targets;
        lock (gate)
        {
            targets = [.. webhooks.Values
                .Where(w => (w["events"] as JsonArray ?? []).Select(e => e?.GetValue<string>()).Any(e => e == eventName || e == eventName.Split('.')[0] + ".*"))
                .Select(w => (w["id"]!.GetValue<string>(), new Uri(w["url"]!.GetValue<string>())))];
        }

        foreach (var (id, url) in targets)
        {
            deliveries.Enqueue(new EntityDelivery(url, (JsonObject)contact.DeepClone(), () => Exists(id)));
        }
    }

    private bool Exists(string id)
    {
        lock (gate)
        {
            return webhooks.ContainsKey(id);
        }
    }

    private JsonObject Create(JsonObject body)
    {
        var errors = new List<(string Field, string Message)>();
        var url = body["url"] is JsonValue u && u.TryGetValue<string>(out var text) && Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? parsed : null;
        if (url is null)
        {
            errors.Add(("url", "[url] Must be a valid URL."));
        }

        var events = (body["events"] as JsonArray ?? []).Select(e => e is JsonValue v && v.TryGetValue<string>(out var name) ? name : null).ToList();
        if (events.Count == 0 || events.Any(e => e is null || !Entities.Any(entity => e.StartsWith(entity + ".", StringComparison.Ordinal))))
        {
            errors.Add(("events", "[events] Must name one or more events, such as Contact.Create."));
        }

        if (body["insecure_ssl"] is not JsonValue insecure || !insecure.TryGetValue<bool>(out _))
        {
            errors.Add(("insecure_ssl", "[insecure_ssl] Is required."));
        }

        if (errors.Count > 0)
        {
            throw PipelinerApiException.Validation(null, null, errors);
        }

        var webhook = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["url"] = url!.AbsoluteUri,
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e!)]),
            ["insecure_ssl"] = body["insecure_ssl"]!.GetValue<bool>(),
            ["is_deleted"] = false,
            ["created"] = ContactStore.Stamp(time.GetUtcNow()),
            ["modified"] = ContactStore.Stamp(time.GetUtcNow()),
        };
        lock (gate)
        {
            webhooks[webhook["id"]!.GetValue<string>()] = webhook;
        }

        return (JsonObject)webhook.DeepClone();
    }

    /// <summary>One entity posted to one webhook.</summary>
    private sealed class EntityDelivery(Uri url, JsonObject entity, Func<bool> wanted) : IWebhookDelivery
    {
        public bool IsWanted => wanted();

        public HttpRequestMessage CreateRequest(int attempt) =>
            new(HttpMethod.Post, url) { Content = new StringContent(entity.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };

        public void Answered(int? status)
        {
        }

        public void Disable()
        {
        }
    }
}
