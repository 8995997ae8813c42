using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.Pipedrive.Webhooks;

/// <summary>
/// Pipedrive does not sign deliveries; a webhook carries the HTTP basic user and password set when it was made
/// (<c>http_auth_user</c>, <c>http_auth_password</c>): the user is always <see cref="Username"/>, the password the
/// connection's secret.
/// </summary>
internal sealed class PipedriveWebhookVerifier : IWebhookVerifier
{
    public const string Username = "tandem";

    public string? Refuse(WebhookDelivery delivery, string secret)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(secret);
        return PipedriveWebhookDelivery.IsAuthorized(delivery.Header("Authorization"), Username, secret)
            ? null
            : "missing or wrong basic-authentication credentials";
    }

    public bool ConcernsContacts(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return !PipedriveWebhookDelivery.Parse(delivery.BodyText).IsEmpty;
    }

    public WebhookSetup Describe(Uri hookUrl, string secret)
    {
        ArgumentNullException.ThrowIfNull(hookUrl);
        ArgumentNullException.ThrowIfNull(secret);
        return new WebhookSetup(hookUrl, Username, secret,
            "Pipedrive > Tools and apps > Webhooks > Create new webhook: event object 'person', action '*', this URL, and this HTTP auth user name and password.");
    }
}
