using Tandem.Connectors.Pipedrive;

namespace Tandem.Web.Hooks;

/// <summary>Pipedrive webhooks carry HTTP basic auth set when the webhook is made (<c>http_auth_user</c>, <c>http_auth_password</c>).</summary>
public sealed class PipedriveWebhookVerifier : IWebhookVerifier
{
    public const string Username = "tandem";

    public string App => "pipedrive";

    public string? Refuse(HttpRequest request, string connectionId, WebhookSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        return PipedriveWebhookDelivery.IsAuthorized(request.Headers.Authorization.ToString(), Username, secrets.For(connectionId))
            ? null
            : "missing or wrong basic-authentication credentials";
    }

    public async Task<bool> ConcernsContactsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        !PipedriveWebhookDelivery.Parse(await WebhookBody.ReadAsync(request, cancellationToken)).IsEmpty;

    public WebhookRegistration Describe(Uri hookUrl, string connectionId, WebhookSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return new WebhookRegistration(App, hookUrl, Username, secrets.For(connectionId),
            "Pipedrive > Tools and apps > Webhooks > Create new webhook: event object 'person', action '*', this URL, and this HTTP auth user name and password.");
    }
}
