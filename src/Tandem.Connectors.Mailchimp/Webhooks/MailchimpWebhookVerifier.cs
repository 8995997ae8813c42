using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.Mailchimp.Webhooks;

/// <summary>
/// Mailchimp webhooks cannot be signed or authenticated; the documented protection is a secret in the URL.
/// Mailchimp also sends a GET to the URL when the webhook is saved, which must answer 200 (the host answers any
/// verified GET so).
/// </summary>
internal sealed class MailchimpWebhookVerifier : IWebhookVerifier
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
        return MailchimpWebhookParser.Parse(delivery.BodyText).Type != "campaign";
    }

    public WebhookSetup Describe(Uri hookUrl, string secret)
    {
        ArgumentNullException.ThrowIfNull(hookUrl);
        ArgumentNullException.ThrowIfNull(secret);
        var url = new UriBuilder(hookUrl) { Query = $"{SecretParameter}={Uri.EscapeDataString(secret)}" }.Uri;
        return new WebhookSetup(url, null, null,
            "Mailchimp > Audience > Manage audience > Settings > Webhooks > Create new webhook: this URL (it holds the secret), updates sent by a subscriber, an account admin and the API.");
    }
}
