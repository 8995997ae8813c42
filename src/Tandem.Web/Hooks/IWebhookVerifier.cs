namespace Tandem.Web.Hooks;

/// <summary>
/// How one app's webhooks are verified (PRODUCT.md §8: the way each vendor allows) and how the user registers
/// them. A new app with webhooks adds one of these; when its connector can read the payload, the intake can
/// hand it over instead of asking for a whole run.
/// </summary>
public interface IWebhookVerifier
{
    /// <summary>The app key ("pipedrive").</summary>
    string App { get; }

    /// <summary>Null when the request carries the connection's secret; otherwise why it is refused (no secret in the text).</summary>
    string? Refuse(HttpRequest request, string connectionId, WebhookSecrets secrets);

    /// <summary>
    /// Reads a verified delivery with the connector's own parser: true when it concerns contacts (a run is asked
    /// for), false when it is about something else (deals, campaigns).
    /// </summary>
    /// <exception cref="FormatException">The body is not a delivery of this app.</exception>
    Task<bool> ConcernsContactsAsync(HttpRequest request, CancellationToken cancellationToken);

    /// <summary>What the user enters in the app to register the webhook.</summary>
    WebhookRegistration Describe(Uri hookUrl, string connectionId, WebhookSecrets secrets);
}
