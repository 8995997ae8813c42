using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Sandbox.Tests.Pipedrive;

/// <summary>
/// A failed webhook delivery (non-2xx, refused connection, no answer within 10 seconds) is tried again after 3, 30 and
/// 150 seconds of the sandbox's clock with <c>meta.attempt</c> counting up, then given up (see the sandbox README).
/// </summary>
public sealed class PipedriveWebhookRetryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly Uri Intake = new("http://127.0.0.1:9/hooks/pipedrive");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedSubscriber subscriber;
    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly PipedriveSandbox sandbox;
    private SandboxHost? host;
    private HttpClient? http;

    public PipedriveWebhookRetryTests()
    {
        subscriber = new ScriptedSubscriber(clock);
        sandbox = new PipedriveSandbox(new PipedriveSandboxOptions { SeedPersons = 3 }, clock, subscriber);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);
        http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-token", sandbox.Options.ApiToken);
        using var made = await http.PostAsJsonAsync(new Uri("api/v1/webhooks", UriKind.Relative), new JsonObject
        {
            ["subscription_url"] = Intake.ToString(), ["event_action"] = "*", ["event_object"] = "person", ["name"] = "retries",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        sandbox.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        validator.AssertNoViolations();
    }

    [Fact]
    public async Task A_delivery_failing_with_500_a_refused_connection_and_a_timeout_is_retried_after_3_30_and_150_seconds_until_it_succeeds()
    {
        subscriber.Script(Outcome.Status500, Outcome.Refused, Outcome.Hang, Outcome.Ok);
        var start = clock.GetUtcNow();
        sandbox.EditPerson(1, new JsonObject { ["notes"] = "retry me" });

        await AttemptsAsync(1);
        clock.Advance(TimeSpan.FromSeconds(3));
        await AttemptsAsync(2);
        clock.Advance(TimeSpan.FromSeconds(30));
        await subscriber.HangingAsync(Ct).WaitAsync(Patience, Ct);
        clock.Advance(TimeSpan.FromSeconds(10));
        await AttemptsAsync(3);
        clock.Advance(TimeSpan.FromSeconds(150));
        await AttemptsAsync(4);
        clock.Advance(TimeSpan.FromDays(1));

        var received = subscriber.Received.ToList();
        Assert.Equal([0, 3, 33, 193], received.Select(r => (r.At - start).TotalSeconds));
        Assert.Equal([1, 2, 3, 4], received.Select(r => r.Body["meta"]!["attempt"]!.GetValue<int>()));
        Assert.Single(received.Select(r => r.Body["meta"]!["id"]!.GetValue<string>()).Distinct());
        Assert.All(received, r => Assert.Equal("retry me", r.Body["data"]!["notes"]!.GetValue<string>()));
        Assert.Equal(4L, sandbox.WebhookDeliveries);
        Assert.Equal(200, await LastStatusAsync());
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_given_up_after_the_third_retry_and_later_changes_still_go_out()
    {
        subscriber.Script(Outcome.Status500, Outcome.Status500, Outcome.Status500, Outcome.Status500, Outcome.Ok);
        var start = clock.GetUtcNow();
        sandbox.EditPerson(1, new JsonObject { ["notes"] = "never heard" });
        await AttemptsAsync(1);
        foreach (var (wait, attempts) in new[] { (3, 2), (30, 3), (150, 4) })
        {
            clock.Advance(TimeSpan.FromSeconds(wait));
            await AttemptsAsync(attempts);
        }

        Assert.Equal(500, await LastStatusAsync());
        clock.Advance(TimeSpan.FromDays(1));
        sandbox.EditPerson(2, new JsonObject { ["notes"] = "heard" });
        await AttemptsAsync(5);

        var received = subscriber.Received.ToList();
        Assert.Equal([0, 3, 33, 183, 183 + 86400], received.Select(r => (r.At - start).TotalSeconds));
        Assert.Equal([1, 2, 3, 4, 1], received.Select(r => r.Body["meta"]!["attempt"]!.GetValue<int>()));
        Assert.Equal("heard", received[^1].Body["data"]!["notes"]!.GetValue<string>());
        Assert.Equal(200, await LastStatusAsync());
    }

    [Fact]
    public async Task A_webhook_deleted_while_a_retry_waits_gets_no_more_attempts()
    {
        subscriber.Script(Outcome.Status500, Outcome.Ok);
        sandbox.EditPerson(1, new JsonObject { ["notes"] = "gone" });
        await AttemptsAsync(1);

        using var deleted = await http!.DeleteAsync(new Uri("api/v1/webhooks/1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        clock.Advance(TimeSpan.FromDays(1));

        Assert.Single(subscriber.Received);
        Assert.Equal(1L, sandbox.WebhookDeliveries);
    }

    /// <summary>Waits (a real-time safety net, so a missing retry fails instead of hanging) for that many finished attempts.</summary>
    private Task AttemptsAsync(int count) => sandbox.WhenWebhookAttemptsAsync(count, Ct).WaitAsync(Patience, Ct);

    private async Task<int?> LastStatusAsync()
    {
        var webhooks = (await http!.GetFromJsonAsync<JsonObject>(new Uri("api/v1/webhooks", UriKind.Relative), Ct))!;
        return webhooks["data"]![0]!["last_http_status"]?.GetValue<int>();
    }

    private enum Outcome
    {
        Ok,
        Status500,
        Refused,
        Hang,
    }

    /// <summary>Stands in for the subscriber: answers each delivery as scripted and records when it came (by the sandbox's clock).</summary>
    private sealed class ScriptedSubscriber(TimeProvider clock) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<Outcome> script = new();
        private readonly TaskCompletionSource hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<(DateTimeOffset At, JsonObject Body)> Received { get; } = new();

        public void Script(params Outcome[] outcomes)
        {
            foreach (var outcome in outcomes)
            {
                script.Enqueue(outcome);
            }
        }

        /// <summary>Completes when a delivery is being held without an answer (its timeout is then running).</summary>
        public Task HangingAsync(CancellationToken cancellationToken) => hanging.Task.WaitAsync(cancellationToken);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Received.Enqueue((clock.GetUtcNow(), (await request.Content!.ReadFromJsonAsync<JsonObject>(cancellationToken))!));
            switch (script.TryDequeue(out var outcome) ? outcome : Outcome.Ok)
            {
                case Outcome.Status500:
                    return new HttpResponseMessage(HttpStatusCode.InternalServerError);
                case Outcome.Refused:
                    throw new HttpRequestException("Connection refused", null, HttpStatusCode.ServiceUnavailable);
                case Outcome.Hang:
                    hanging.TrySetResult();
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                    throw new OperationCanceledException(cancellationToken);
                default:
                    return new HttpResponseMessage(HttpStatusCode.OK);
            }
        }
    }
}
