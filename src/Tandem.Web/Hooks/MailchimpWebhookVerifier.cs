using Tandem.Connectors.Mailchimp.Webhooks;

namespace Tandem.Web.Hooks;

/// <summary>
/// Mailchimp webhooks cannot be signed or authenticated; the documented protection is a secret in the URL.
/// Mailchimp also sends a GET to the URL when the webhook is saved, which must answer 200.
/// </summary>
public sealed class MailchimpWebhookVerifier : IWebhookVerifier
{
    public const string SecretParameter = "secret";

    public string App => "mailchimp";

    public string? Refuse(HttpRequest request, string connectionId, WebhookSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        return secrets.Matches(connectionId, request.Query[SecretParameter].FirstOrDefault()) ? null : "wrong or missing secret in the URL";
    }

    public async Task<bool> ConcernsContactsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        MailchimpWebhookParser.Parse(await WebhookBody.ReadAsync(request, cancellationToken)).Type != "campaign";

    public WebhookRegistration Describe(Uri hookUrl, string connectionId, WebhookSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(hookUrl);
        ArgumentNullException.ThrowIfNull(secrets);
        var url = new UriBuilder(hookUrl) { Query = $"{SecretParameter}={secrets.For(connectionId)}" }.Uri;
        return new WebhookRegistration(App, url, null, null,
            "Mailchimp > Audience > Manage audience > Settings > Webhooks > Create new webhook: this URL (it holds the secret), updates sent by a subscriber, an account admin and the API.");
    }
}
