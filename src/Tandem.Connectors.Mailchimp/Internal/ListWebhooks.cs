using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// Registers the audience's list webhook for Tandem (<c>/lists/{id}/webhooks</c>): the member events subscribe,
/// unsubscribe, profile, cleaned and upemail (not campaign), from every source: user (the member), admin (the web app) and
/// api (Tandem and every other integration; Tandem's own writes come back too, and the engine recognises them).
/// Webhooks already pointing at the URL are deleted first: Mailchimp refuses a second webhook on the same URL.
/// </summary>
internal sealed class ListWebhooks
{
    private static readonly string[] Events = ["subscribe", "unsubscribe", "profile", "cleaned", "upemail"];
    private static readonly string[] Sources = ["user", "admin", "api"];

    private readonly MailchimpClient client;

    public ListWebhooks(MailchimpClient client)
    {
        this.client = client;
    }

    private string Root => $"lists/{client.AudienceId}/webhooks";

    public async Task<string> RegisterAsync(Uri url, CancellationToken cancellationToken)
    {
        var existing = await client.GetAsync(Root, cancellationToken).ConfigureAwait(false);
        foreach (var webhook in Json.Items(existing, "webhooks"))
        {
            if (Uri.TryCreate(Json.Text(webhook, "url"), UriKind.Absolute, out var at) && at == url && Json.Text(webhook, "id") is { } old)
            {
                await RemoveAsync(old, cancellationToken).ConfigureAwait(false);
            }
        }

        // Mailchimp checks the URL with a GET before it saves the webhook; a URL that does not answer is refused (400).
        JsonObject created;
        try
        {
            created = await client.PostAsync(Root, new JsonObject
            {
                ["url"] = url.AbsoluteUri,
                ["events"] = Flags(Events, ["subscribe", "unsubscribe", "profile", "cleaned", "upemail", "campaign"]),
                ["sources"] = Flags(Sources, Sources),
            }, idempotent: false, cancellationToken).ConfigureAwait(false);
        }
        catch (MailchimpApiException ex) when (ex.Status == 400)
        {
            var reason = ex.FieldErrors.Count > 0 ? string.Join("; ", ex.FieldErrors) : ex.Detail.Length > 0 ? ex.Detail : ex.Title;
            throw new ConnectorException("Mailchimp refused the webhook: " + reason, ex);
        }

        return Json.Text(created, "id") ?? throw new MailchimpApiException("Mailchimp created the webhook but did not say its id.");
    }

    public async Task RemoveAsync(string webhookId, CancellationToken cancellationToken)
    {
        try
        {
            _ = await client.DeleteAsync($"{Root}/{Uri.EscapeDataString(webhookId)}", cancellationToken).ConfigureAwait(false);
        }
        catch (MailchimpApiException ex) when (ex.Status == 404)
        {
            // Already gone: removing is done.
        }
    }

    private static JsonObject Flags(string[] on, string[] all) =>
        new(all.Select(name => KeyValuePair.Create(name, (JsonNode?)on.Contains(name))));
}
