namespace Tandem.Connectors.Webhooks;

/// <summary>
/// How one app's webhooks are verified (PRODUCT.md §8: the way each vendor allows: signatures, a secret in the URL,
/// HTTP basic auth) and read, and what the user enters in the app to register one. A connector offers it on its
/// descriptor (<see cref="Catalog.ConnectorDescriptor.Webhooks"/>); the host finds it there by app key.
/// </summary>
/// <remarks>
/// Each connection's hook has its own secret, made and kept by the host; the verifier only says where the app puts it.
/// Webhooks are hints to read the change feed now, never data Tandem trusts on its own.
/// </remarks>
public interface IWebhookVerifier
{
    /// <summary>
    /// Null when the delivery carries the connection's <paramref name="secret"/>; otherwise why it is refused, in words
    /// that never contain a secret (they are logged). Compares in constant time (<see cref="WebhookSecretComparer"/>).
    /// </summary>
    string? Refuse(WebhookDelivery delivery, string secret);

    /// <summary>
    /// Reads a verified delivery with the connector's own parser: true when it concerns contacts (a run is asked for),
    /// false when it is about something else (deals, campaigns).
    /// </summary>
    /// <exception cref="FormatException">The body is not a delivery of this app; the message describes its shape, never its data.</exception>
    bool ConcernsContacts(WebhookDelivery delivery);

    /// <summary>
    /// The account setting that holds the key the app signs its deliveries with, when the app signs with a key of its own
    /// (HubSpot: the app's client secret) instead of the connection's secret; the host then passes that setting's value
    /// to <see cref="Refuse"/>. Null (the default) for the connection's secret.
    /// </summary>
    string? SigningKeySetting => null;

    /// <summary>What to enter in the app (or register through its API) so that it calls <paramref name="hookUrl"/> with the connection's <paramref name="secret"/>.</summary>
    WebhookSetup Describe(Uri hookUrl, string secret);
}
