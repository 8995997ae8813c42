using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.HubSpot.Webhooks;

/// <summary>
/// HubSpot's webhooks v3: the app (a private app or a public one) posts batches of events to the target URL set in its
/// Webhooks settings, signed with <c>X-HubSpot-Signature-v3</c> keyed with the app's client secret — the account's
/// <c>clientSecret</c> setting, not the connection's secret (<see cref="SigningKeySetting"/>). The URL carries the
/// connection, so the signature over it binds a delivery to its connection.
/// </summary>
internal sealed class HubSpotWebhookVerifier(TimeProvider time) : IWebhookVerifier
{
    private readonly HubSpotSignature signature = new(time);

    public string? SigningKeySetting => "clientSecret";

    public string? Refuse(WebhookDelivery delivery, string secret)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(secret);
        return delivery.Url is { } url ? signature.Refuse(delivery, url, secret) : "the URL HubSpot called is not known";
    }

    /// <summary>A delivery is a JSON array of events; it concerns contacts when one of them is a <c>contact.*</c> event.</summary>
    public bool ConcernsContacts(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        JsonArray events;
        try
        {
            events = JsonNode.Parse(delivery.BodyText) as JsonArray ?? throw new FormatException("A HubSpot webhook delivery is a JSON array of events.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The webhook delivery is not JSON.", ex);
        }

        return events.OfType<JsonObject>().Any(e => e["subscriptionType"] is JsonValue type && type.TryGetValue<string>(out var name) && name.StartsWith("contact.", StringComparison.Ordinal));
    }

    public WebhookSetup Describe(Uri hookUrl, string secret)
    {
        ArgumentNullException.ThrowIfNull(hookUrl);
        return new WebhookSetup(hookUrl, null, null,
            "HubSpot > your app (Settings > Integrations > Private apps, or your public app) > Webhooks: set this target URL and " +
            "subscribe to contact creation, deletion, merge, restore and the property changes you sync. HubSpot signs each delivery " +
            "with the app's client secret: enter it as the account's OAuth client secret setting.");
    }
}
