using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Mailchimp;

/// <summary><c>GET/POST /lists/{list_id}/webhooks</c> and <c>GET/DELETE /lists/{list_id}/webhooks/{webhook_id}</c>.</summary>
internal sealed class WebhookEndpoints
{
    private static readonly string[] EventNames = ["subscribe", "unsubscribe", "profile", "cleaned", "upemail", "campaign"];
    private static readonly string[] SourceNames = ["user", "admin", "api"];

    private readonly AudienceStore store;
    private readonly WebhookDispatcher dispatcher;
    private int nextId;

    public WebhookEndpoints(AudienceStore store, WebhookDispatcher dispatcher)
    {
        this.store = store;
        this.dispatcher = dispatcher;
    }

    public JsonObject List(string listId) => store.Read(() =>
    {
        var audience = store.Audience(listId);
        return new JsonObject
        {
            ["webhooks"] = new JsonArray(audience.Webhooks.Select(w => (JsonNode)Render(audience, w)).ToArray()),
            ["list_id"] = audience.Id,
            ["total_items"] = audience.Webhooks.Count,
        };
    });

    public JsonObject Get(string listId, string id) => store.Read(() =>
    {
        var audience = store.Audience(listId);
        return Render(audience, audience.Webhooks.FirstOrDefault(w => w.Id == id) ?? throw MailchimpApiException.NotFound());
    });

    /// <summary>Registers a webhook once its URL answers a GET, as Mailchimp checks before saving it.</summary>
    public async Task<JsonObject> AddAsync(string listId, JsonObject body, CancellationToken cancellationToken)
    {
        _ = store.Read(() => store.Audience(listId));
        if (!Uri.TryCreate(MemberWrites.Text(body["url"]), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw MailchimpApiException.InvalidFields([("url", "Please provide a valid URL.")]);
        }

        if (!await dispatcher.VerifyAsync(url, cancellationToken).ConfigureAwait(false))
        {
            throw MailchimpApiException.Invalid("We couldn't verify the URL is working. Please double-check and try again.");
        }

        var events = Flags(body["events"] as JsonObject, EventNames);
        var sources = Flags(body["sources"] as JsonObject, SourceNames);
        return store.Write(_ =>
        {
            var audience = store.Audience(listId);
            if (audience.Webhooks.Any(w => w.Url == url))
            {
                throw MailchimpApiException.Invalid("Sorry, you can't use the same URL for more than one webhook.");
            }

            var webhook = new StoredWebhook(
                "wh" + Interlocked.Increment(ref nextId).ToString("D8", CultureInfo.InvariantCulture),
                url,
                MemberWrites.Text(body["url"])!,
                events,
                sources);
            audience.Webhooks.Add(webhook);
            return Render(audience, webhook);
        }).Result;
    }

    public void Delete(string listId, string id) => store.Write(_ =>
    {
        var audience = store.Audience(listId);
        return audience.Webhooks.RemoveAll(w => w.Id == id) > 0 ? 0 : throw MailchimpApiException.NotFound();
    });

    /// <summary>The flags turned on; one the body leaves out is off.</summary>
    private static HashSet<string> Flags(JsonObject? given, string[] names) =>
        names.Where(n => given?[n] is JsonValue v && v.TryGetValue<bool>(out var on) && on).ToHashSet(StringComparer.Ordinal);

    private static JsonObject Render(StoredAudience audience, StoredWebhook webhook) => new()
    {
        ["id"] = webhook.Id,
        ["url"] = webhook.Address,
        ["events"] = new JsonObject(EventNames.Select(n => KeyValuePair.Create(n, (JsonNode?)webhook.Events.Contains(n)))),
        ["sources"] = new JsonObject(SourceNames.Select(n => KeyValuePair.Create(n, (JsonNode?)webhook.Sources.Contains(n)))),
        ["list_id"] = audience.Id,
    };
}
