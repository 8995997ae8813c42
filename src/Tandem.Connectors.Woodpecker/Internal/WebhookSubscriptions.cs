using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Woodpecker.Internal;

/// <summary>
/// Subscribes and unsubscribes a URL for the prospect events (<c>POST /rest/v1/webhooks/subscribe</c> and
/// <c>/unsubscribe</c> with <c>{target_url, event}</c>). Woodpecker answers 409 both when the URL is already subscribed
/// to the event (fine: subscribing again never doubles deliveries) and when the event already has three URLs; the
/// subscriptions (<c>GET /rest/v2/webhooks</c>) tell the two apart. Woodpecker has no webhook ids: the URL is the id.
/// </summary>
internal sealed class WebhookSubscriptions(WoodpeckerClient client)
{
    public async Task<string> SubscribeAsync(Uri url, CancellationToken cancellationToken)
    {
        foreach (var name in WoodpeckerWebhookDelivery.SubscribedEvents)
        {
            try
            {
                _ = await client.PostAsync("rest/v1/webhooks/subscribe", Body(url, name), cancellationToken).ConfigureAwait(false);
            }
            catch (WoodpeckerApiException ex) when (ex.Status == 409)
            {
                if (!await SubscribedAsync(url, name, cancellationToken).ConfigureAwait(false))
                {
                    throw new ConnectorException($"Woodpecker takes at most three addresses for the event {name}, and all three are taken; remove one in Woodpecker.", ex);
                }
            }
        }

        return url.ToString();
    }

    public async Task UnsubscribeAsync(string webhookId, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(webhookId, UriKind.Absolute, out var url))
        {
            throw new ArgumentException("Not a Woodpecker webhook (its id is the subscribed URL).", nameof(webhookId));
        }

        foreach (var name in WoodpeckerWebhookDelivery.SubscribedEvents)
        {
            try
            {
                _ = await client.PostAsync("rest/v1/webhooks/unsubscribe", Body(url, name), cancellationToken).ConfigureAwait(false);
            }
            catch (WoodpeckerApiException ex) when (ex.Status is 404 or 409)
            {
                // Already gone (or never subscribed, or dropped by Woodpecker after a 410): nothing to remove.
            }
        }
    }

    private async Task<bool> SubscribedAsync(Uri url, string name, CancellationToken cancellationToken)
    {
        var (items, _) = await client.ListAsync("rest/v2/webhooks", cancellationToken).ConfigureAwait(false);
        return items.Any(w => Json.Text(w, "event") == name && Json.Text(w, "target_url") == url.ToString());
    }

    private static JsonObject Body(Uri url, string name) => new() { ["target_url"] = url.ToString(), ["event"] = name };
}
