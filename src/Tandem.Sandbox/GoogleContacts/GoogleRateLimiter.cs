namespace Tandem.Sandbox.GoogleContacts;

/// <summary>A per-minute request quota (Google's "requests per minute per user"), on the sandbox's clock.</summary>
internal sealed class GoogleRateLimiter
{
    private readonly int perMinute;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private long window = -1;
    private int used;

    public GoogleRateLimiter(int perMinute, TimeProvider time)
    {
        this.perMinute = perMinute;
        this.time = time;
    }

    /// <summary>Counts one request; false when the current minute's quota is used up.</summary>
    public bool TryAcquire()
    {
        if (perMinute <= 0)
        {
            return true;
        }

        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        lock (gate)
        {
            if (minute != window)
            {
                window = minute;
                used = 0;
            }

            return ++used <= perMinute;
        }
    }
}
