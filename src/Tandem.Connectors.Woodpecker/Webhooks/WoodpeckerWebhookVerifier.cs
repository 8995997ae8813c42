using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.Woodpecker.Webhooks;

/// <summary>
/// Woodpecker's webhook posts carry no signature and no credentials, so the protection is a secret in the URL Tandem
/// subscribes (the contract's fallback). A post about prospects asks for a run.
/// </summary>
internal sealed class WoodpeckerWebhookVerifier : IWebhookVerifier
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
        return WoodpeckerWebhookDelivery.Parse(delivery.BodyText).ProspectIds.Count > 0;
    }

    public WebhookSetup Describe(Uri hookUrl, string secret)
    {
        ArgumentNullException.ThrowIfNull(hookUrl);
        ArgumentNullException.ThrowIfNull(secret);
        var url = new UriBuilder(hookUrl) { Query = $"{SecretParameter}={Uri.EscapeDataString(secret)}" }.Uri;
        return new WebhookSetup(url, null, null,
            "Tandem subscribes this URL (it holds the secret) through Woodpecker's API for the events " + string.Join(", ", WoodpeckerWebhookDelivery.SubscribedEvents) + ".");
    }
}
