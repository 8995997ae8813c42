namespace Tandem.Sandbox.Pipedrive;

/// <summary>Pipedrive's burst limit: at most N requests per rolling 2-second window, on the sandbox's clock.</summary>
internal sealed class BurstLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private readonly int limit;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> recent = new();

    public BurstLimiter(int limit, TimeProvider time)
    {
        this.limit = limit;
        this.time = time;
    }

    public int Limit => limit;

    /// <summary>Counts one request; returns whether it is allowed, what remains, and seconds until the window frees up.</summary>
    public (bool Allowed, int Remaining, int ResetSeconds) TryAcquire()
    {
        if (limit <= 0)
        {
            return (true, int.MaxValue, 0);
        }

        var now = time.GetUtcNow();
        lock (gate)
        {
            while (recent.Count > 0 && now - recent.Peek() >= Window)
            {
                recent.Dequeue();
            }

            var reset = recent.Count == 0 ? 0 : (int)Math.Ceiling((Window - (now - recent.Peek())).TotalSeconds);
            if (recent.Count >= limit)
            {
                return (false, 0, Math.Max(reset, 1));
            }

            recent.Enqueue(now);
            return (true, limit - recent.Count, Math.Max(reset, 1));
        }
    }
}
