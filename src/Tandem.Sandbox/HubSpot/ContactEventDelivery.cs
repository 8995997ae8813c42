using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// One contact event posted to the app's target URL as HubSpot's webhooks v3 post it: a JSON array of events
/// (<c>eventId, subscriptionId, portalId, appId, occurredAt, subscriptionType, attemptNumber, objectId, changeSource</c>,
/// and <c>propertyName</c>/<c>propertyValue</c> or a merge's <c>primaryObjectId</c>/<c>mergedObjectIds</c>), signed with
/// <c>X-HubSpot-Signature-v3</c>: base64 HMAC-SHA256, keyed with the app's client secret, of method, URI, body and
/// <c>X-HubSpot-Request-Timestamp</c> (HubSpot's "Validating requests" guide). HubSpot batches up to 100 events a post;
/// the sandbox posts each event alone (a batch of one), which the format allows.
/// </summary>
internal sealed class ContactEventDelivery : IWebhookDelivery
{
    private readonly WebhookSettings settings;
    private readonly long subscriptionId;
    private readonly Uri target;
    private readonly JsonObject body;
    private readonly string clientSecret;
    private readonly TimeProvider time;

    public ContactEventDelivery(ContactChange change, long subscriptionId, Uri target, HubSpotSandboxOptions options, WebhookSettings settings, long eventId, TimeProvider time)
    {
        this.settings = settings;
        this.subscriptionId = subscriptionId;
        this.target = target;
        this.time = time;
        clientSecret = options.OAuthClientSecret;
        body = new JsonObject
        {
            ["eventId"] = eventId,
            ["subscriptionId"] = subscriptionId,
            ["portalId"] = options.PortalId,
            ["appId"] = options.AppId,
            ["occurredAt"] = change.OccurredAt.ToUnixTimeMilliseconds(),
            ["subscriptionType"] = change.SubscriptionType,
            ["attemptNumber"] = 0,
            ["objectId"] = change.ObjectId,
            ["changeSource"] = "CRM_UI",
        };
        if (change.PropertyName is not null)
        {
            body["propertyName"] = change.PropertyName;
            body["propertyValue"] = change.PropertyValue ?? string.Empty;
        }

        if (change.SubscriptionType == "contact.merge")
        {
            body["primaryObjectId"] = change.ObjectId;
            body["mergedObjectIds"] = new JsonArray([.. change.MergedObjectIds.Select(id => (JsonNode)id)]);
            body["newObjectId"] = change.ObjectId;
        }
    }

    /// <summary>A paused or deleted subscription, or removed settings, stop the retries.</summary>
    public bool IsWanted => settings.IsActive(subscriptionId);

    public HttpRequestMessage CreateRequest(int attempt)
    {
        var sent = (JsonObject)body.DeepClone();

        // HubSpot counts attempts from 0.
        sent["attemptNumber"] = attempt - 1;
        var text = new JsonArray(sent).ToJsonString();
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        request.Headers.Add("X-HubSpot-Signature-v3", Sign(clientSecret, "POST" + target.OriginalString + text + timestamp));
        return request;
    }

    public void Answered(int? status)
    {
    }

    /// <summary>HubSpot retries a failed delivery; it does not disable a subscription on 410.</summary>
    public void Disable()
    {
    }

    private static string Sign(string secret, string source) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(source)));
}
