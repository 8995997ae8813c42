using System.Net;

namespace Tandem.Sandbox.Kit.Webhooks;

/// <summary>
/// The one webhook delivery queue of every sandbox. First attempts go out one at a time, in the order the changes
/// happened. An attempt fails on a non-2xx answer, a refused connection or no answer within the schedule's timeout; a
/// failed delivery is tried again after each of the schedule's waits, on the sandbox's clock, and given up after the
/// last (a retry runs on its own, so a failing subscriber holds up no one else). Before each attempt the delivery is
/// asked whether it is still wanted; one that is not (a deleted or disabled subscription) is dropped uncounted.
/// </summary>
internal sealed class WebhookQueue : IDisposable
{
    private readonly WebhookSchedule schedule;
    private readonly TimeProvider time;
    private readonly HttpClient http;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<ITimer> retries = [];
    private readonly List<(long Count, TaskCompletionSource Done)> waiters = [];
    private Task tail = Task.CompletedTask;
    private long started;
    private long succeeded;
    private long failed;
    private long abandoned;

    /// <param name="schedule">The vendor's timeout and retry waits.</param>
    /// <param name="time">The sandbox's clock.</param>
    /// <param name="handler">Sends the posts (tests capture them here); the network when null.</param>
    public WebhookQueue(WebhookSchedule schedule, TimeProvider time, HttpMessageHandler? handler = null)
    {
        this.schedule = schedule;
        this.time = time;
        http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);

        // Each attempt has its own timeout on the sandbox's clock.
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>Attempts started so far, retries included.</summary>
    public long Started => Interlocked.Read(ref started);

    /// <summary>Attempts answered with a 2xx.</summary>
    public long Succeeded => Interlocked.Read(ref succeeded);

    /// <summary>Attempts that failed (each retry counts).</summary>
    public long Failed => Interlocked.Read(ref failed);

    /// <summary>Deliveries given up after their last retry.</summary>
    public long Abandoned => Interlocked.Read(ref abandoned);

    /// <summary>Queues a delivery behind every first attempt queued before it.</summary>
    public void Enqueue(IWebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        lock (gate)
        {
            var previous = tail;
            tail = Task.Run(async () =>
            {
                await previous.ConfigureAwait(false);
                await AttemptAsync(delivery, attempt: 1).ConfigureAwait(false);
            });
        }
    }

    /// <summary>Completes when every first attempt queued so far has been made.</summary>
    public Task FlushAsync()
    {
        lock (gate)
        {
            return tail;
        }
    }

    /// <summary>
    /// Completes once <paramref name="count"/> attempts (first ones and retries) have finished; a failed attempt's retry
    /// is already waiting on the clock by then, so a test can advance it straight away.
    /// </summary>
    public Task WhenAttemptsAsync(long count, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (succeeded + failed >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>A GET to <paramref name="url"/> within the attempt timeout; true on a 2xx (Mailchimp checks a URL before saving it).</summary>
    public async Task<bool> ProbeAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(schedule.AttemptTimeout, time);
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
        lock (gate)
        {
            retries.ForEach(r => r.Dispose());
            retries.Clear();
        }

        stopping.Cancel();
        http.Dispose();
        stopping.Dispose();
    }

    /// <summary>One attempt, then (after a failure) the retry put on the clock or the delivery given up, then the count.</summary>
    private async Task AttemptAsync(IWebhookDelivery delivery, int attempt)
    {
        if (stopping.IsCancellationRequested || !delivery.IsWanted)
        {
            return;
        }

        var status = await PostAsync(delivery, attempt).ConfigureAwait(false);
        delivery.Answered(status);
        lock (gate)
        {
            if (status is >= 200 and < 300)
            {
                succeeded++;
            }
            else
            {
                failed++;
                Settle(delivery, attempt, status);
            }

            foreach (var waiter in waiters.Where(w => succeeded + failed >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    /// <summary>Under the gate, after a failed attempt: 410 may disable; otherwise the next retry, or the end of the schedule.</summary>
    private void Settle(IWebhookDelivery delivery, int attempt, int? status)
    {
        if (schedule.GoneDisables && status == (int)HttpStatusCode.Gone)
        {
            delivery.Disable();
            return;
        }

        if (attempt > schedule.RetryDelays.Count)
        {
            abandoned++;
            return;
        }

        if (!stopping.IsCancellationRequested && delivery.IsWanted)
        {
            retries.Add(time.CreateTimer(_ => _ = AttemptAsync(delivery, attempt + 1), null, schedule.RetryDelays[attempt - 1], Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>One POST; the subscriber's status, or null when it was refused, dropped or did not answer in time.</summary>
    private async Task<int?> PostAsync(IWebhookDelivery delivery, int attempt)
    {
        Interlocked.Increment(ref started);
        try
        {
            using var request = delivery.CreateRequest(attempt);
            using var timeout = new CancellationTokenSource(schedule.AttemptTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping.Token);
            using var response = await http.SendAsync(request, linked.Token).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            return null;
        }
    }
}
