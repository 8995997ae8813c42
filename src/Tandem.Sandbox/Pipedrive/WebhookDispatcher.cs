using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// Delivers person changes to the webhooks that want them, as Pipedrive's webhooks v2 do: a JSON POST
/// <c>{meta:{action, entity, entity_id, …}, data, previous}</c> with HTTP Basic auth when the webhook has a user.
/// <c>data</c> is the person after the change (on a delete, with <c>is_deleted: true</c>); <c>previous</c> holds the
/// changed properties as they were (null on a create). First attempts go one at a time, in the order of the changes.
/// An attempt fails on a non-2xx answer, a refused connection or no answer within <see cref="AttemptTimeout"/>; a
/// failed delivery is tried again after each of <see cref="RetryDelays"/> (by the sandbox's clock) with
/// <c>meta.attempt</c> counting up, and given up after the last. Every outcome lands in <c>last_http_status</c>.
/// </summary>
internal sealed class WebhookDispatcher : IDisposable
{
    /// <summary>Pipedrive's webhook guide: an answer later than 10 seconds is a failure.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The waits before the retries of a failed delivery (see the README for where the schedule comes from).</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays = [TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(150)];

    private readonly HttpClient http;
    private readonly WebhookEndpoints webhooks;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<ITimer> retries = [];
    private readonly List<(long Count, TaskCompletionSource Done)> waiters = [];
    private Task tail = Task.CompletedTask;
    private long deliveries;
    private long finished;

    public WebhookDispatcher(WebhookEndpoints webhooks, HttpMessageHandler? handler, TimeProvider time)
    {
        this.webhooks = webhooks;
        this.time = time;
        http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);

        // Each attempt has its own timeout on the sandbox's clock.
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>Delivery attempts started so far, retries included.</summary>
    public long Deliveries => Interlocked.Read(ref deliveries);

    public void Enqueue(PersonChange change)
    {
        var targets = webhooks.Matching(change.Action, "person");
        if (targets.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            foreach (var webhook in targets)
            {
                var body = Payload(change, webhook);
                var previous = tail;
                tail = Task.Run(async () =>
                {
                    await previous.ConfigureAwait(false);
                    await AttemptAsync(webhook, body, attempt: 1).ConfigureAwait(false);
                });
            }
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
            if (finished >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var timer in retries)
            {
                timer.Dispose();
            }

            retries.Clear();
        }

        stopping.Cancel();
        http.Dispose();
        stopping.Dispose();
    }

    /// <summary>
    /// One attempt; after a failure the next retry is put on the clock (apart from the ordered first attempts, so a
    /// failing subscriber holds up no one else) unless the schedule is spent or the webhook was deleted.
    /// </summary>
    private async Task AttemptAsync(StoredWebhook webhook, JsonObject body, int attempt)
    {
        var delivered = await DeliverAsync(webhook, body, attempt).ConfigureAwait(false);
        lock (gate)
        {
            if (!delivered && attempt <= RetryDelays.Count && webhooks.Exists(webhook.Id) && !stopping.IsCancellationRequested)
            {
                retries.Add(time.CreateTimer(_ => RetryIfStillRegistered(webhook, body, attempt + 1), null, RetryDelays[attempt - 1], Timeout.InfiniteTimeSpan));
            }

            finished++;
            foreach (var waiter in waiters.Where(w => w.Count <= finished).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    private void RetryIfStillRegistered(StoredWebhook webhook, JsonObject body, int attempt)
    {
        if (webhooks.Exists(webhook.Id) && !stopping.IsCancellationRequested)
        {
            _ = AttemptAsync(webhook, body, attempt);
        }
    }

    /// <summary>One POST; true when the subscriber answered 2xx within <see cref="AttemptTimeout"/>.</summary>
    private async Task<bool> DeliverAsync(StoredWebhook webhook, JsonObject body, int attempt)
    {
        Interlocked.Increment(ref deliveries);
        var sent = (JsonObject)body.DeepClone();
        sent["meta"]!["attempt"] = attempt;
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.SubscriptionUrl) { Content = JsonContent.Create(sent) };
        if (webhook.HttpAuthUser is not null)
        {
            var pair = Encoding.UTF8.GetBytes(webhook.HttpAuthUser + ":" + (webhook.HttpAuthPassword ?? string.Empty));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }

        try
        {
            using var timeout = new CancellationTokenSource(AttemptTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping.Token);
            using var response = await http.SendAsync(request, linked.Token).ConfigureAwait(false);
            webhooks.Delivered(webhook, (int)response.StatusCode);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            // Refused, dropped or too slow: no status, as Pipedrive records a timeout.
            webhooks.Delivered(webhook, 0);
            return false;
        }
    }

    private static JsonObject Payload(PersonChange change, StoredWebhook webhook)
    {
        var previous = change.Action switch
        {
            "change" when change.Previous is not null && change.Current is not null => Changed(change.Previous, change.Current),
            _ => null,
        };
        return new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["action"] = change.Action,
                ["entity"] = "person",
                ["entity_id"] = change.PersonId.ToString(CultureInfo.InvariantCulture),
                ["id"] = Guid.NewGuid().ToString(),
                ["company_id"] = "1",
                ["user_id"] = webhook.UserId.ToString(CultureInfo.InvariantCulture),
                ["webhook_id"] = webhook.Id.ToString(CultureInfo.InvariantCulture),
                ["webhook_owner_id"] = webhook.UserId.ToString(CultureInfo.InvariantCulture),
                ["is_bulk_edit"] = false,
                ["type"] = "general",
                ["version"] = "2.0",
                ["attempt"] = 1,
                ["timestamp"] = change.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            },
            ["data"] = change.Current?.DeepClone(),
            ["previous"] = previous,
        };
    }

    /// <summary>The properties (custom fields one by one) whose value differs, as they were before.</summary>
    private static JsonObject Changed(JsonObject before, JsonObject after)
    {
        var changed = new JsonObject();
        foreach (var (key, value) in before)
        {
            if (key is "update_time")
            {
                continue;
            }

            if (key == "custom_fields" && value is JsonObject oldCustom && after[key] is JsonObject newCustom)
            {
                var custom = new JsonObject();
                foreach (var (field, old) in oldCustom.Where(f => !JsonNode.DeepEquals(f.Value, newCustom[f.Key])))
                {
                    custom[field] = old?.DeepClone();
                }

                if (custom.Count > 0)
                {
                    changed["custom_fields"] = custom;
                }
            }
            else if (!JsonNode.DeepEquals(value, after[key]))
            {
                changed[key] = value?.DeepClone();
            }
        }

        foreach (var (key, _) in after.Where(a => !before.ContainsKey(a.Key)))
        {
            changed[key] = null;
        }

        return changed;
    }
}
