using System.Globalization;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// One event for one list webhook, as Mailchimp posts it: form-encoded <c>type</c>, <c>fired_at</c> and the
/// <c>data[…]</c> fields, the same body on every attempt. Wanted while the webhook is registered and not disabled.
/// </summary>
internal sealed class ListWebhookDelivery(AudienceStore store, StoredWebhook webhook, WebhookEvent change) : IWebhookDelivery
{
    public bool IsWanted => store.Read(() => !webhook.Disabled && store.Audiences.Any(a => a.Webhooks.Contains(webhook)));

    public HttpRequestMessage CreateRequest(int attempt)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("type", change.Type),
            new("fired_at", change.FiredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        };
        form.AddRange(change.Data);
        return new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new FormUrlEncodedContent(form) };
    }

    public void Answered(int? status)
    {
    }

    /// <summary>The endpoint answered 410 Gone: nothing more is posted to it (the web app shows it disabled).</summary>
    public void Disable() => store.Read(() => webhook.Disabled = true);
}
