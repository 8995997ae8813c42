using System.Net;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Http;

/// <summary>
/// Retries what a vendor asks to retry: 429 after the wait it names (Retry-After or its rate headers),
/// 5xx and timeouts with exponential backoff, at most <see cref="RetryOptions.MaxAttempts"/> attempts.
/// A request that is not idempotent (see <see cref="RequestIdempotency"/>) is never repeated once it may
/// have reached the app: a timeout, a dropped connection or a 5xx throws <see cref="OutcomeUnknownException"/>
/// (a 429 is always safe to repeat: the app refused it before doing anything). All waiting goes through
/// the <see cref="TimeProvider"/>, so tests run on fake time.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    private readonly RetryOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private DateTimeOffset notBefore = DateTimeOffset.MinValue;

    public RetryHandler(RetryOptions options, TimeProvider time, ILogger logger)
    {
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// True for a 429 that says the day's budget is spent (<see cref="Cost.CostModel.SaysBudgetSpent"/>): waiting a few
    /// seconds cannot help, so it is answered at once and the run ends; null retries every 429.
    /// </summary>
    public Func<HttpResponseMessage, bool>? BudgetSpent { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var idempotent = RequestIdempotency.IsIdempotent(request);
        for (var attempt = 1; ; attempt++)
        {
            await WaitForWindowAsync(cancellationToken).ConfigureAwait(false);
            var last = attempt >= options.MaxAttempts;
            HttpResponseMessage response;
            using (var timeout = new CancellationTokenSource(options.AttemptTimeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    FailOrContinue(request, idempotent, last, "timed out", ex);
                    await BackoffAsync(request, attempt, "timeout", cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (HttpRequestException ex)
                {
                    FailOrContinue(request, idempotent, last, "lost its connection", ex);
                    await BackoffAsync(request, attempt, "connection", cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            NoteExhaustedWindow(response);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && !last && BudgetSpent?.Invoke(response) != true)
            {
                var wait = RateLimitHeaders.RequestedWait(response, time.GetUtcNow()) ?? Backoff(attempt);
                if (wait > options.MaxRetryAfter)
                {
                    return response;
                }

                response.Dispose();
                ConnectorsLog.RateLimited(logger, request.Method.Method, request.RequestUri?.AbsolutePath, wait);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (IsTransient(response.StatusCode))
            {
                if (!idempotent)
                {
                    var status = (int)response.StatusCode;
                    response.Dispose();
                    throw new OutcomeUnknownException($"The app answered {status} to a request that may have taken effect.");
                }

                if (!last)
                {
                    response.Dispose();
                    await BackoffAsync(request, attempt, "status " + (int)response.StatusCode, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            return response;
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout;

    private static void FailOrContinue(HttpRequestMessage request, bool idempotent, bool last, string what, Exception inner)
    {
        if (!idempotent)
        {
            throw new OutcomeUnknownException($"The request {request.Method} {request.RequestUri?.AbsolutePath} {what}; it may have taken effect.", inner);
        }

        if (last)
        {
            throw new ConnectorException($"The app did not answer: the request {request.Method} {request.RequestUri?.AbsolutePath} {what} on every attempt.", inner);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ticks = options.BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        return ticks >= options.MaxDelay.Ticks ? options.MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private async Task BackoffAsync(HttpRequestMessage request, int attempt, string reason, CancellationToken cancellationToken)
    {
        var delay = Backoff(attempt);
        ConnectorsLog.Retrying(logger, request.Method.Method, request.RequestUri?.AbsolutePath, reason, attempt, delay);
        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
    }

    private void NoteExhaustedWindow(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests && RateLimitHeaders.ExhaustedWindowWait(response) is { } wait && wait <= options.MaxRetryAfter)
        {
            lock (gate)
            {
                var until = time.GetUtcNow() + wait;
                notBefore = until > notBefore ? until : notBefore;
            }
        }
    }

    private async Task WaitForWindowAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (gate)
        {
            wait = notBefore - time.GetUtcNow();
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
