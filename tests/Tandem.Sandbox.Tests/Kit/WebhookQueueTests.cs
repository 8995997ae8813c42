using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.Tests.Kit;

/// <summary>The one webhook queue: ordered first attempts, the vendor's retry schedule on fake time, give-up, 410 and unwanted deliveries.</summary>
public sealed class WebhookQueueTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly WebhookSchedule Pipedrive = new([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(150)], TimeSpan.FromSeconds(10), GoneDisables: false);
    private static readonly WebhookSchedule Mailchimp = new([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(55)], TimeSpan.FromSeconds(10), GoneDisables: true);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedSubscriber subscriber;
    private readonly DateTimeOffset start;
    private WebhookQueue? queue;

    public WebhookQueueTests()
    {
        subscriber = new ScriptedSubscriber(clock);
        start = clock.GetUtcNow();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        queue?.Dispose();
        subscriber.Dispose();
    }

    [Fact]
    public async Task A_failing_delivery_is_retried_after_each_wait_of_the_schedule_counting_attempts_then_succeeds()
    {
        queue = new WebhookQueue(Pipedrive, clock, subscriber);
        subscriber.Script(HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        var delivery = new Delivery("a");
        queue.Enqueue(delivery);

        await AttemptsAsync(1);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Single(subscriber.Received);
        clock.Advance(TimeSpan.FromSeconds(1));
        await AttemptsAsync(2);
        clock.Advance(TimeSpan.FromSeconds(30));
        await AttemptsAsync(3);
        clock.Advance(TimeSpan.FromSeconds(150));
        await AttemptsAsync(4);
        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal([0, 3, 33, 183], subscriber.Received.Select(r => (r.At - start).TotalSeconds));
        Assert.Equal(["a#1", "a#2", "a#3", "a#4"], subscriber.Received.Select(r => r.Body));
        Assert.Equal([500, 502, 503, 200], delivery.Answers);
        Assert.Equal((1L, 3L, 0L), (queue.Succeeded, queue.Failed, queue.Abandoned));
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_given_up_after_the_last_wait()
    {
        queue = new WebhookQueue(Mailchimp, clock, subscriber);
        subscriber.Script(Enumerable.Repeat(HttpStatusCode.InternalServerError, 5).ToArray());
        queue.Enqueue(new Delivery("a"));

        await AttemptsAsync(1);
        foreach (var (minutes, attempts) in new[] { (5, 2), (15, 3), (55, 4) })
        {
            clock.Advance(TimeSpan.FromMinutes(minutes));
            await AttemptsAsync(attempts);
        }

        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal([0, 5, 20, 75], subscriber.Received.Select(r => (r.At - start).TotalMinutes));
        Assert.Equal(1L, queue.Abandoned);
        Assert.Equal(4L, queue.Started);
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_is_a_failure_with_no_status()
    {
        queue = new WebhookQueue(Pipedrive, clock, subscriber);
        subscriber.Script(Hang);
        var delivery = new Delivery("a");
        queue.Enqueue(delivery);

        await subscriber.HangingAsync(Ct).WaitAsync(Patience, Ct);
        clock.Advance(TimeSpan.FromSeconds(10));
        await AttemptsAsync(1);

        Assert.Equal([null], delivery.Answers);
        Assert.Equal(1L, queue.Failed);
    }

    [Fact]
    public async Task A_410_disables_the_subscription_when_the_vendor_says_so_with_no_retry()
    {
        queue = new WebhookQueue(Mailchimp, clock, subscriber);
        subscriber.Script(HttpStatusCode.Gone);
        var delivery = new Delivery("a");
        queue.Enqueue(delivery);

        await AttemptsAsync(1);
        clock.Advance(TimeSpan.FromDays(1));

        Assert.True(delivery.Disabled);
        Assert.Single(subscriber.Received);
        Assert.Equal(0L, queue.Abandoned);
    }

    [Fact]
    public async Task A_410_is_an_ordinary_failure_for_a_vendor_that_retries_it()
    {
        queue = new WebhookQueue(Pipedrive, clock, subscriber);
        subscriber.Script(HttpStatusCode.Gone, HttpStatusCode.OK);
        var delivery = new Delivery("a");
        queue.Enqueue(delivery);

        await AttemptsAsync(1);
        clock.Advance(TimeSpan.FromSeconds(3));
        await AttemptsAsync(2);

        Assert.False(delivery.Disabled);
        Assert.Equal([410, 200], delivery.Answers);
    }

    [Fact]
    public async Task A_subscription_removed_while_a_retry_waits_gets_no_more_attempts()
    {
        queue = new WebhookQueue(Pipedrive, clock, subscriber);
        subscriber.Script(HttpStatusCode.InternalServerError);
        var delivery = new Delivery("a");
        queue.Enqueue(delivery);

        await AttemptsAsync(1);
        delivery.Wanted = false;
        clock.Advance(TimeSpan.FromDays(1));

        Assert.Single(subscriber.Received);
        Assert.Equal(1L, queue.Started);
    }

    [Fact]
    public async Task First_attempts_go_out_one_at_a_time_in_the_order_they_were_queued()
    {
        queue = new WebhookQueue(Pipedrive, clock, subscriber);
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            queue.Enqueue(new Delivery(name));
        }

        await queue.FlushAsync().WaitAsync(Patience, Ct);

        Assert.Equal(["a#1", "b#1", "c#1", "d#1"], subscriber.Received.Select(r => r.Body));
        Assert.Equal(1, subscriber.MostAtOnce);
    }

    private static HttpStatusCode Hang => (HttpStatusCode)0;

    private Task AttemptsAsync(int count) => queue!.WhenAttemptsAsync(count, Ct).WaitAsync(Patience, Ct);

    /// <summary>A delivery whose body names it and its attempt, recording what the queue told it.</summary>
    private sealed class Delivery(string name) : IWebhookDelivery
    {
        public bool Wanted { get; set; } = true;

        public bool Disabled { get; private set; }

        public ConcurrentQueue<int?> Answers { get; } = new();

        public bool IsWanted => Wanted && !Disabled;

        public HttpRequestMessage CreateRequest(int attempt) =>
            new(HttpMethod.Post, new Uri("http://127.0.0.1:9/hook")) { Content = new StringContent($"{name}#{attempt}") };

        public void Answered(int? status) => Answers.Enqueue(status);

        public void Disable() => Disabled = true;
    }

    /// <summary>Answers each post as scripted (OK once the script runs out) and records when it came, by the fake clock.</summary>
    private sealed class ScriptedSubscriber(TimeProvider clock) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<HttpStatusCode> script = new();
        private readonly TaskCompletionSource hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int atOnce;

        public ConcurrentQueue<(DateTimeOffset At, string Body)> Received { get; } = new();

        public int MostAtOnce { get; private set; }

        public void Script(params HttpStatusCode[] answers)
        {
            foreach (var answer in answers)
            {
                script.Enqueue(answer);
            }
        }

        public Task HangingAsync(CancellationToken cancellationToken) => hanging.Task.WaitAsync(cancellationToken);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            MostAtOnce = Math.Max(MostAtOnce, Interlocked.Increment(ref atOnce));
            try
            {
                Received.Enqueue((clock.GetUtcNow(), await request.Content!.ReadAsStringAsync(cancellationToken)));
                var answer = script.TryDequeue(out var scripted) ? scripted : HttpStatusCode.OK;
                if (answer == Hang)
                {
                    hanging.TrySetResult();
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                }

                return new HttpResponseMessage(answer);
            }
            finally
            {
                Interlocked.Decrement(ref atOnce);
            }
        }
    }
}
