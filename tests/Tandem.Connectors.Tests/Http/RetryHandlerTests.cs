using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Tests.Http;

public sealed class RetryHandlerTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_429_waits_the_Retry_After_seconds_then_succeeds()
    {
        var script = new ScriptedHandler()
            .Then(() => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(30)) } })
            .Then(() => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client(script);

        var send = client.GetAsync(new Uri("http://app.test/x"), TestContext.Current.CancellationToken);
        await WaitForAsync(() => script.Requests == 1);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, script.Requests);
        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await send;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, script.Requests);
    }

    [Fact]
    public async Task A_429_without_Retry_After_honours_the_vendor_reset_header()
    {
        var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        limited.Headers.Add("x-ratelimit-reset", "2");
        var script = new ScriptedHandler().Then(() => limited).Then(() => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client(script);

        var send = client.GetAsync(new Uri("http://app.test/x"), TestContext.Current.CancellationToken);
        await WaitForAsync(() => script.Requests == 1);
        time.Advance(TimeSpan.FromSeconds(2));
        using var response = await send;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Server_errors_on_a_GET_are_retried_with_doubling_delays_and_bounded_attempts()
    {
        var script = new ScriptedHandler();
        for (var i = 0; i < 3; i++)
        {
            script.Then(() => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }

        using var client = Client(script, new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1) });
        var send = client.GetAsync(new Uri("http://app.test/x"), TestContext.Current.CancellationToken);
        await WaitForAsync(() => script.Requests == 1);
        time.Advance(TimeSpan.FromSeconds(1));
        await WaitForAsync(() => script.Requests == 2);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, script.Requests);
        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await send;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, script.Requests);
    }

    [Fact]
    public async Task A_POST_that_times_out_is_not_repeated_and_its_outcome_is_unknown()
    {
        var script = new ScriptedHandler().Then(async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = Client(script, new RetryOptions { AttemptTimeout = TimeSpan.FromSeconds(10) });

        using var content = new StringContent("{}");
        var send = client.PostAsync(new Uri("http://app.test/create"), content, TestContext.Current.CancellationToken);
        await WaitForAsync(() => script.Requests == 1);
        time.Advance(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<OutcomeUnknownException>(() => send);
        Assert.Equal(1, script.Requests);
    }

    [Fact]
    public async Task A_POST_answered_503_is_unknown_but_a_POST_answered_429_is_retried()
    {
        var script = new ScriptedHandler()
            .Then(() => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.Zero) } })
            .Then(() => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var client = Client(script);

        using var content = new StringContent("{}");
        await Assert.ThrowsAsync<OutcomeUnknownException>(() => client.PostAsync(new Uri("http://app.test/create"), content, TestContext.Current.CancellationToken));
        Assert.Equal(2, script.Requests);
    }

    [Fact]
    public async Task A_GET_whose_connection_keeps_dropping_fails_after_the_last_attempt()
    {
        var script = new ScriptedHandler();
        for (var i = 0; i < 2; i++)
        {
            script.Then((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("reset")));
        }

        using var client = Client(script, new RetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.Zero });
        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.GetAsync(new Uri("http://app.test/x"), TestContext.Current.CancellationToken));

        Assert.IsNotType<OutcomeUnknownException>(error);
        Assert.Equal(2, script.Requests);
    }

    private HttpClient Client(ScriptedHandler script, RetryOptions? options = null) =>
        new(new RetryHandler(options ?? RetryOptions.Default, time, NullLogger.Instance) { InnerHandler = script });

    private static async Task WaitForAsync(Func<bool> condition)
    {
        // The handler runs on the thread pool; yield until it reaches the awaited point (no sleeping on real time).
        for (var i = 0; i < 10_000 && !condition(); i++)
        {
            await Task.Yield();
        }

        Assert.True(condition());
    }
}
