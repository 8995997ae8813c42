using System.Text.Json.Nodes;

namespace Tandem.Sandbox;

/// <summary>
/// The fault switches every sandbox has. Each counter applies to that many coming API requests and then wears off.
/// Thread-safe; set from tests, or from <c>POST /_sandbox/faults</c> through <see cref="Apply"/>. The kit's fault pipeline
/// (<c>Kit/Faults/FaultPipeline</c>) takes them in one order for every app; an app adds its own switches in a subclass.
/// </summary>
public class SandboxFaults
{
    private int rateLimited;
    private int serverErrors;
    private int slowResponses;
    private int lostResponses;
    private int droppedConnections;
    private int staleVersions;

    /// <summary>The status of simulated server errors (500, 502 or 503).</summary>
    public int ServerErrorStatus { get; set; } = 503;

    /// <summary>How long a slow response is held back (on the sandbox's clock).</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The next <paramref name="count"/> API requests are refused with the app's 429.</summary>
    public void RateLimitStorm(int count) => Interlocked.Exchange(ref rateLimited, count);

    /// <summary>The next <paramref name="count"/> API requests fail with <see cref="ServerErrorStatus"/>, doing nothing.</summary>
    public void ServerErrors(int count) => Interlocked.Exchange(ref serverErrors, count);

    /// <summary>The next <paramref name="count"/> API requests wait <see cref="SlowDelay"/> before being handled.</summary>
    public void SlowResponses(int count) => Interlocked.Exchange(ref slowResponses, count);

    /// <summary>The next <paramref name="count"/> writes happen, but the connection is then dropped without an answer.</summary>
    public void LoseResponses(int count) => Interlocked.Exchange(ref lostResponses, count);

    /// <summary>The next <paramref name="count"/> API requests have their connection dropped before anything happens.</summary>
    public void DropConnections(int count) => Interlocked.Exchange(ref droppedConnections, count);

    /// <summary>
    /// Before each of the next <paramref name="count"/> updates, the record is changed elsewhere (its version moves), so an
    /// update naming the version it read is refused as stale. Only apps with versioned updates take it (Google's etags).
    /// </summary>
    public void StaleVersions(int count) => Interlocked.Exchange(ref staleVersions, count);

    /// <summary>Clears every switch.</summary>
    public virtual void Reset()
    {
        RateLimitStorm(0);
        ServerErrors(0);
        SlowResponses(0);
        LoseResponses(0);
        DropConnections(0);
        StaleVersions(0);
    }

    /// <summary>
    /// Applies switches given as JSON: <c>{"reset":true,"rateLimit":3,"serverErrors":2,"serverErrorStatus":500,"slow":1,
    /// "slowMillis":2000,"lose":1,"drop":1,"staleVersions":1}</c>. Subclasses read their own switches after calling this.
    /// </summary>
    public virtual void Apply(JsonObject switches)
    {
        ArgumentNullException.ThrowIfNull(switches);
        if (switches["reset"]?.GetValue<bool>() == true)
        {
            Reset();
        }

        if (switches["serverErrorStatus"]?.GetValue<int>() is { } status)
        {
            ServerErrorStatus = status;
        }

        if (switches["slowMillis"]?.GetValue<int>() is { } millis)
        {
            SlowDelay = TimeSpan.FromMilliseconds(millis);
        }

        Count(switches, "rateLimit", RateLimitStorm);
        Count(switches, "serverErrors", ServerErrors);
        Count(switches, "slow", SlowResponses);
        Count(switches, "lose", LoseResponses);
        Count(switches, "drop", DropConnections);
        Count(switches, "staleVersions", StaleVersions);
    }

    internal bool TakeRateLimited() => Take(ref rateLimited);

    internal bool TakeServerError() => Take(ref serverErrors);

    internal bool TakeSlow() => Take(ref slowResponses);

    internal bool TakeLostResponse() => Take(ref lostResponses);

    internal bool TakeDroppedConnection() => Take(ref droppedConnections);

    /// <summary>Uses up one stale-version switch; the endpoint then moves the record's version before applying the update.</summary>
    internal bool TakeStaleVersion() => Take(ref staleVersions);

    /// <summary>Uses up one request of a counter; true when the fault applies to this request.</summary>
    protected static bool Take(ref int counter)
    {
        while (true)
        {
            var seen = Volatile.Read(ref counter);
            if (seen <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, seen - 1, seen) == seen)
            {
                return true;
            }
        }
    }

    /// <summary>Reads one counter switch of <see cref="Apply"/>.</summary>
    protected static void Count(JsonObject switches, string name, Action<int> apply)
    {
        ArgumentNullException.ThrowIfNull(switches);
        ArgumentNullException.ThrowIfNull(apply);
        if (switches[name]?.GetValue<int>() is { } count)
        {
            apply(count);
        }
    }
}
