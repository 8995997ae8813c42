using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>
/// Woodpecker's rate limit (docs.woodpecker.co, "API reference", Rate limits): "Only 1 request can be processed at
/// time. The time limit for queued requests is 15 seconds. The maximum number of queued API requests is 6. Every
/// request above this number will be immediately dropped." Per API key: one request runs, up to six wait in order, a
/// further one is dropped at once and a waiting one is dropped after the timeout, both with <c>E_TOO_MANY_REQUESTS</c>.
/// </summary>
internal sealed class RequestQueue : IEndpointFilter
{
    private readonly ConcurrentDictionary<string, KeyLine> lines = new(StringComparer.Ordinal);
    private readonly int queueLength;
    private readonly TimeSpan timeout;
    private readonly TimeProvider time;
    private int dropped;
    private int waiting;

    public RequestQueue(int queueLength, TimeSpan timeout, TimeProvider time)
    {
        this.queueLength = queueLength;
        this.timeout = timeout;
        this.time = time;
    }

    /// <summary>Requests dropped so far (queue full or waited too long).</summary>
    public int Dropped => Volatile.Read(ref dropped);

    /// <summary>The most requests of one key ever present at once (the one processed and those waiting): 1 means no request ever had to wait.</summary>
    public int MostPresent => lines.Values.Select(l => l.MostPresent).DefaultIfEmpty(0).Max();

    /// <summary>Requests waiting for their key's turn right now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var line = lines.GetOrAdd(WoodpeckerCredentials.Key(context.HttpContext.Request) ?? string.Empty, _ => new KeyLine());
        if (!line.TryEnter(queueLength + 1))
        {
            Interlocked.Increment(ref dropped);
            return WoodpeckerAnswers.Error(WoodpeckerApiException.TooManyRequests());
        }

        try
        {
            using var wait = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, context.HttpContext.RequestAborted);
            Interlocked.Increment(ref waiting);
            try
            {
                await line.Turn.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (wait.IsCancellationRequested)
            {
                Interlocked.Increment(ref dropped);
                return WoodpeckerAnswers.Error(WoodpeckerApiException.TooManyRequests());
            }
            finally
            {
                Interlocked.Decrement(ref waiting);
            }

            try
            {
                return await next(context).ConfigureAwait(false);
            }
            finally
            {
                line.Turn.Release();
            }
        }
        finally
        {
            line.Leave();
        }
    }

    /// <summary>One key's requests: the one processed holds <see cref="Turn"/>, the others wait for it in order.</summary>
    private sealed class KeyLine
    {
        private readonly Lock gate = new();
        private int present;

        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int MostPresent { get; private set; }

        public bool TryEnter(int capacity)
        {
            lock (gate)
            {
                if (present >= capacity)
                {
                    return false;
                }

                present++;
                MostPresent = Math.Max(MostPresent, present);
                return true;
            }
        }

        public void Leave()
        {
            lock (gate)
            {
                present--;
            }
        }
    }
}
