namespace Tandem.Connectors.Cost;

/// <summary>
/// Keeps one account's calls within its app's <see cref="RequestWindow"/>s: a call that would make a window exceed its
/// limit waits (on the injected clock) until the oldest call in that window has left it. Rolling windows, so a vendor
/// that counts per calendar minute is never exceeded either. Thread-safe: the account's connections share it.
/// </summary>
internal sealed class WindowPacer
{
    private readonly IReadOnlyList<RequestWindow> windows;
    private readonly Queue<DateTimeOffset>[] sent;
    private readonly TimeProvider time;
    private readonly Lock gate = new();

    public WindowPacer(IReadOnlyList<RequestWindow> windows, TimeProvider time)
    {
        this.windows = windows;
        this.time = time;
        sent = windows.Select(_ => new Queue<DateTimeOffset>()).ToArray();
    }

    /// <summary>Waits until the call may go without exceeding a window, and counts it.</summary>
    public async ValueTask WaitTurnAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        if (windows.Count == 0)
        {
            return;
        }

        while (true)
        {
            var wait = TryTake(method, path);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Counts the call and returns zero when every window has room; otherwise the wait until the fullest has.</summary>
    private TimeSpan TryTake(HttpMethod method, string path)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var wait = TimeSpan.Zero;
            for (var i = 0; i < windows.Count; i++)
            {
                var window = windows[i];
                if (window.Limit <= 0 || !window.Counts(method, path))
                {
                    continue;
                }

                var log = sent[i];
                while (log.Count > 0 && now - log.Peek() >= window.Period)
                {
                    log.Dequeue();
                }

                if (log.Count >= window.Limit)
                {
                    var until = log.Peek() + window.Period - now;
                    wait = until > wait ? until : wait;
                }
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            for (var i = 0; i < windows.Count; i++)
            {
                if (windows[i].Limit > 0 && windows[i].Counts(method, path))
                {
                    sent[i].Enqueue(now);
                }
            }

            return TimeSpan.Zero;
        }
    }
}
