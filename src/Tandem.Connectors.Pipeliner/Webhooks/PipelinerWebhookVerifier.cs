using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.Pipeliner.Webhooks;

/// <summary>
/// Pipeliner documents neither a signature nor authentication for its webhook deliveries (only the URL, the events and
/// <c>insecure_ssl</c> are set when one is made), so the secret is in the URL, as for Mailchimp. A delivery's body is
/// "the JSON with the body of the" entity (Pipeliner's webhooks page); Tandem registers contact events only, so any
/// entity delivered on the hook is a hint to read the contacts' change feed. The exact delivery format (whether the
/// entity is wrapped, the event's name) is not documented: any JSON object or array of objects is accepted.
/// </summary>
internal sealed class PipelinerWebhookVerifier : IWebhookVerifier
{
    public const string SecretParameter = "secret";

    public string? Refuse(WebhookDelivery delivery, string secret)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return WebhookSecretComparer.Matches(delivery.Query(SecretParameter), secret) ? null : "wrong or missing secret in the URL";
    }

    public bool ConcernsContacts(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(delivery.BodyText);
        }
        catch (JsonException ex)
        {
            throw new FormatException("A Pipeliner webhook delivery is JSON; this body is not.", ex);
        }

        return body switch
        {
            JsonObject entity => Concerns(entity),
            JsonArray list when list.All(i => i is JsonObject) => list.OfType<JsonObject>().Any(Concerns),
            _ => throw new FormatException("A Pipeliner webhook delivery is a JSON object (the entity); this body is something else."),
        };
    }

    public WebhookSetup Describe(Uri hookUrl, string secret)
    {
        ArgumentNullException.ThrowIfNull(hookUrl);
        ArgumentNullException.ThrowIfNull(secret);
        var url = new UriBuilder(hookUrl) { Query = $"{SecretParameter}={Uri.EscapeDataString(secret)}" }.Uri;
        return new WebhookSetup(url, null, null,
            "Pipeliner webhooks are made through its API (Webhooks.create): this URL (it holds the secret) for the events Contact.Create, Contact.Update and Contact.Delete. Tandem registers it itself when it knows its public address.");
    }

    /// <summary>An entity that says it is another kind (an account, an opportunity) does not concern contacts; one that does not say is taken as a contact.</summary>
    private static bool Concerns(JsonObject entity) =>
        (entity["entity_name"] ?? entity["entity"]) is not JsonValue kind || !kind.TryGetValue<string>(out var name) || string.Equals(name, "Contact", StringComparison.OrdinalIgnoreCase);
}
