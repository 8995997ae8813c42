using System.Globalization;

namespace Tandem.Sandbox.Kit.Faults;

/// <summary>
/// Pipedrive's burst limit: at most N requests per rolling 2-second window, on the sandbox's clock, told on every answer
/// in <c>x-ratelimit-limit</c>, <c>x-ratelimit-remaining</c> and <c>x-ratelimit-reset</c> (seconds). A storm still counts
/// the request and answers remaining 0 with its own reset.
/// </summary>
internal sealed class BurstWindow : IRequestQuota
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private readonly int limit;
    private readonly TimeProvider time;
    private readonly Func<int> stormResetSeconds;
    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> recent = new();

    /// <param name="limit">Requests per window; 0 for none.</param>
    /// <param name="time">The sandbox's clock.</param>
    /// <param name="stormResetSeconds">The reset a storm's 429 names.</param>
    public BurstWindow(int limit, TimeProvider time, Func<int> stormResetSeconds)
    {
        this.limit = limit;
        this.time = time;
        this.stormResetSeconds = stormResetSeconds;
    }

    public QuotaVerdict Take(bool storm)
    {
        var (allowed, remaining, reset) = Acquire();
        if (storm)
        {
            (allowed, remaining, reset) = (false, 0, stormResetSeconds());
        }

        return new QuotaVerdict(allowed,
        [
            new("x-ratelimit-limit", limit.ToString(CultureInfo.InvariantCulture)),
            new("x-ratelimit-remaining", Math.Max(0, Math.Min(remaining, limit)).ToString(CultureInfo.InvariantCulture)),
            new("x-ratelimit-reset", reset.ToString(CultureInfo.InvariantCulture)),
        ]);
    }

    private (bool Allowed, int Remaining, int ResetSeconds) Acquire()
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
