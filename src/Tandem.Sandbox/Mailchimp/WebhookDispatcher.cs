using System.Globalization;
using System.Net;
using System.Threading.Channels;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// Delivers webhook events as Mailchimp does: a form-encoded POST (<c>type</c>, <c>fired_at</c>, <c>data[…]</c>) to
/// each registered URL whose events and sources match, one at a time in the order the changes happened. An attempt
/// fails when the endpoint does not answer 2xx within 10 seconds; a failed delivery is tried again three times, at
/// increasing intervals within 75 minutes (<see cref="RetryDelays"/>), while later changes go on being delivered. An
/// endpoint that answers 410 Gone disables its webhook: no retry, and nothing more is posted to it. See README.md.
/// </summary>
internal sealed class WebhookDispatcher : IDisposable
{
    /// <summary>
    /// The waits before the three retries. Mailchimp documents "increasing intervals over the course of 75 minutes" and
    /// three retries, not the intervals themselves: these add up to 75 minutes.
    /// </summary>
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(55)];

    /// <summary>Mailchimp cancels a post that takes longer than this.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient http;
    private readonly AudienceStore store;
    private readonly TimeProvider time;
    private readonly Channel<Delivery> queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<ITimer> retries = [];
    private readonly List<(int Attempts, TaskCompletionSource Done)> waiters = [];
    private readonly Lock gate = new();
    private readonly Task pump;
    private int delivered;
    private int failed;
    private int abandoned;

    public WebhookDispatcher(AudienceStore store, TimeProvider time, HttpMessageHandler? handler = null)
    {
        this.store = store;
        this.time = time;
        http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.Timeout = Timeout.InfiniteTimeSpan;
        pump = Task.Run(PumpAsync);
    }

    public int Delivered => Volatile.Read(ref delivered);

    /// <summary>Attempts that failed (each retry counts).</summary>
    public int Failed => Volatile.Read(ref failed);

    /// <summary>Deliveries given up after the last retry.</summary>
    public int Abandoned => Volatile.Read(ref abandoned);

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
                queue.Writer.TryWrite(new Delivery(webhook, change, 0));
            }
        }
    }

    /// <summary>Completes once this many attempts (successful or not) have been made and settled (retries scheduled).</summary>
    public Task WhenAttemptedAsync(int attempts, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (delivered + failed >= attempts)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((attempts, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Mailchimp checks a webhook URL with a GET before saving it.</summary>
    public async Task<bool> VerifyAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.GetAsync(url, linked.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        pump.Wait(TimeSpan.FromSeconds(5));
        lock (gate)
        {
            retries.ForEach(r => r.Dispose());
        }

        http.Dispose();
    }

    private async Task PumpAsync()
    {
        await foreach (var delivery in queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var still = store.Read(() => !delivery.Webhook.Disabled && store.Audiences.Any(a => a.Webhooks.Contains(delivery.Webhook)));
            if (!still)
            {
                // Deleted or disabled since the change: nothing to post.
                continue;
            }

            var status = await PostAsync(delivery).ConfigureAwait(false);
            lock (gate)
            {
                if (status is >= 200 and < 300)
                {
                    delivered++;
                }
                else
                {
                    failed++;
                    Settle(delivery, status);
                }

                foreach (var waiter in waiters.Where(w => delivered + failed >= w.Attempts).ToList())
                {
                    waiters.Remove(waiter);
                    waiter.Done.TrySetResult();
                }
            }
        }
    }

    /// <summary>After a failed attempt, under the gate: 410 disables the webhook; otherwise a retry is scheduled, three at most.</summary>
    private void Settle(Delivery delivery, int? status)
    {
        if (status == (int)HttpStatusCode.Gone)
        {
            store.Read(() => delivery.Webhook.Disabled = true);
            return;
        }

        if (delivery.Attempt >= RetryDelays.Length)
        {
            abandoned++;
            return;
        }

        var retry = delivery with { Attempt = delivery.Attempt + 1 };
        retries.Add(time.CreateTimer(_ => queue.Writer.TryWrite(retry), null, RetryDelays[delivery.Attempt], Timeout.InfiniteTimeSpan));
    }

    /// <summary>One attempt: the endpoint's status, or null when it did not answer in time or could not be reached.</summary>
    private async Task<int?> PostAsync(Delivery delivery)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("type", delivery.Event.Type),
            new("fired_at", delivery.Event.FiredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        };
        form.AddRange(delivery.Event.Data);
        using var timeout = new CancellationTokenSource(AttemptTimeout, time);
        try
        {
            using var content = new FormUrlEncodedContent(form);
            using var response = await http.PostAsync(delivery.Webhook.Url, content, timeout.Token).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>One event for one webhook; <see cref="Attempt"/> counts the retries made so far.</summary>
    private sealed record Delivery(StoredWebhook Webhook, WebhookEvent Event, int Attempt);
}
