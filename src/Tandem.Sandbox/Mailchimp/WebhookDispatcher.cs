using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// Hands webhook events to the sandbox's webhook queue, one delivery per enabled webhook of the event's audience whose
/// events and sources match. Mailchimp's rules: an attempt fails when the endpoint does not answer 2xx within 10 seconds;
/// a failed delivery is tried again three times, at increasing intervals within 75 minutes (<see cref="Schedule"/>), while
/// later changes go on being delivered; an endpoint that answers 410 Gone disables its webhook. See README.md.
/// </summary>
internal sealed class WebhookDispatcher : IDisposable
{
    /// <summary>
    /// The waits before the three retries. Mailchimp documents "increasing intervals over the course of 75 minutes" and
    /// three retries, not the intervals themselves: these add up to 75 minutes. Mailchimp cancels a post after 10 seconds.
    /// </summary>
    public static readonly WebhookSchedule Schedule = new([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(55)], TimeSpan.FromSeconds(10), GoneDisables: true);

    private readonly AudienceStore store;
    private readonly WebhookQueue queue;

    public WebhookDispatcher(AudienceStore store, TimeProvider time, HttpMessageHandler? handler = null)
    {
        this.store = store;
        queue = new WebhookQueue(Schedule, time, handler);
    }

    public int Delivered => (int)queue.Succeeded;

    /// <summary>Attempts that failed (each retry counts).</summary>
    public int Failed => (int)queue.Failed;

    /// <summary>Deliveries given up after the last retry.</summary>
    public int Abandoned => (int)queue.Abandoned;

    /// <summary>Queues the events for every enabled webhook of their audience that wants them.</summary>
    public void Enqueue(IEnumerable<WebhookEvent> events)
    {
        foreach (var change in events)
        {
            var targets = store.Read(() => store.Audience(change.ListId).Webhooks
                .Where(w => !w.Disabled && w.Events.Contains(change.Type) && w.Sources.Contains(change.Source))
                .ToList());
            foreach (var webhook in targets)
            {
                queue.Enqueue(new ListWebhookDelivery(store, webhook, change));
            }
        }
    }

    /// <summary>Completes once this many attempts (successful or not) have been made and settled (retries scheduled).</summary>
    public Task WhenAttemptedAsync(int attempts, CancellationToken cancellationToken) => queue.WhenAttemptsAsync(attempts, cancellationToken);

    /// <summary>Mailchimp checks a webhook URL with a GET before saving it.</summary>
    public Task<bool> VerifyAsync(Uri url, CancellationToken cancellationToken) => queue.ProbeAsync(url, cancellationToken);

    public void Dispose() => queue.Dispose();
}
