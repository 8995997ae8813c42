namespace Tandem.Connectors.Contract;

/// <summary>Implemented by connectors whose app lets Tandem register, through its API, where to push contact changes.</summary>
public interface IWebhookRegistrar
{
    /// <summary>
    /// Asks the app to deliver contact changes to <paramref name="url"/>, protected by HTTP Basic
    /// <paramref name="user"/>/<paramref name="password"/> where the app supports it (otherwise the secret is in the
    /// URL). Webhooks already pointing at that URL are replaced, so registering again never doubles deliveries.
    /// Returns the app's id for the webhook.
    /// </summary>
    Task<string> RegisterWebhookAsync(Uri url, string user, string password, CancellationToken cancellationToken);

    /// <summary>Removes a webhook <see cref="RegisterWebhookAsync"/> made; one already gone is not an error.</summary>
    Task RemoveWebhookAsync(string webhookId, CancellationToken cancellationToken);
}
