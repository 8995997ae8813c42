namespace Tandem.Sandbox.Kit.Faults;

/// <summary>
/// A per-minute request quota (Google's "requests per minute per user"), on the sandbox's clock: a refused request
/// carries no headers, and a storm refuses without using the quota up.
/// </summary>
internal sealed class PerMinuteQuota : IRequestQuota
{
    private readonly int perMinute;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private long window = -1;
    private int used;

    /// <param name="perMinute">Requests per minute; 0 for no quota.</param>
    /// <param name="time">The sandbox's clock.</param>
    public PerMinuteQuota(int perMinute, TimeProvider time)
    {
        this.perMinute = perMinute;
        this.time = time;
    }

    public QuotaVerdict Take(bool storm)
    {
        if (storm)
        {
            return QuotaVerdict.Refused;
        }

        if (perMinute <= 0)
        {
            return QuotaVerdict.Granted;
        }

        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        lock (gate)
        {
            if (minute != window)
            {
                window = minute;
                used = 0;
            }

            return ++used <= perMinute ? QuotaVerdict.Granted : QuotaVerdict.Refused;
        }
    }
}
