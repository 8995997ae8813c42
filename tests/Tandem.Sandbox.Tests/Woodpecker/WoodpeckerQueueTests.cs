using System.Net;
using Microsoft.Extensions.Time.Testing;
using Tandem.Sandbox.Woodpecker;

namespace Tandem.Sandbox.Tests.Woodpecker;

/// <summary>
/// Woodpecker's rate limit in the sandbox: one request processed per key, six waiting, the eighth dropped at once, and
/// a waiting one dropped after 15 seconds. The processed request is held by the slow fault on a fake clock.
/// </summary>
public sealed class WoodpeckerQueueTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly WoodpeckerSandbox sandbox;
    private SandboxHost? host;
    private HttpClient? http;

    public WoodpeckerQueueTests()
    {
        sandbox = new WoodpeckerSandbox(new WoodpeckerSandboxOptions { SeedProspects = 5 }, clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, Ct);
        http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-key", sandbox.Options.ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        sandbox.Dispose();
    }

    [Fact]
    public async Task Six_requests_wait_behind_the_one_processed_and_the_eighth_is_dropped_at_once()
    {
        sandbox.Faults.SlowDelay = TimeSpan.FromSeconds(5);
        sandbox.Faults.SlowResponses(1);
        var first = http!.GetAsync(new Uri("rest/v1/me", UriKind.Relative), Ct);
        await UntilAsync(() => sandbox.HeldRequests == 1);
        var queued = Enumerable.Range(0, 6).Select(_ => http.GetAsync(new Uri("rest/v1/me", UriKind.Relative), Ct)).ToList();
        await UntilAsync(() => sandbox.QueuedRequests == 6);

        using var dropped = await http.GetAsync(new Uri("rest/v1/me", UriKind.Relative), Ct);
        clock.Advance(TimeSpan.FromSeconds(5));
        var answered = await Task.WhenAll(queued.Prepend(first));

        Assert.Equal(HttpStatusCode.TooManyRequests, dropped.StatusCode);
        Assert.Contains("E_TOO_MANY_REQUESTS", await dropped.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.All(answered, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, sandbox.DroppedRequests);
        Assert.Equal(7, sandbox.MostRequestsAtOnce);
        foreach (var response in answered)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_request_still_waiting_after_15_seconds_is_dropped()
    {
        sandbox.Faults.SlowDelay = TimeSpan.FromSeconds(20);
        sandbox.Faults.SlowResponses(1);
        var first = http!.GetAsync(new Uri("rest/v1/me", UriKind.Relative), Ct);
        await UntilAsync(() => sandbox.HeldRequests == 1);
        var waiting = http.GetAsync(new Uri("rest/v1/me", UriKind.Relative), Ct);
        await UntilAsync(() => sandbox.QueuedRequests == 1);

        clock.Advance(TimeSpan.FromSeconds(15));
        using var timedOut = await waiting;
        clock.Advance(TimeSpan.FromSeconds(5));
        using var done = await first;

        Assert.Equal(HttpStatusCode.TooManyRequests, timedOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }

    /// <summary>Waits for the sandbox to reach a state (requests in flight on other threads), failing after ten seconds.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, deadline.Token);
        }
    }
}
