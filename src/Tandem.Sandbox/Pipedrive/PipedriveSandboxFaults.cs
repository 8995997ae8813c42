namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// Switches that make the Pipedrive sandbox misbehave. Each counter applies to that many coming API requests
/// and then wears off. Thread-safe; set from tests or <c>POST /_sandbox/faults</c>.
/// </summary>
public sealed class PipedriveSandboxFaults
{
    private int rateLimited;
    private int serverErrors;
    private int slowResponses;
    private int lostResponses;

    /// <summary>The status of simulated server errors (500, 502 or 503).</summary>
    public int ServerErrorStatus { get; set; } = 503;

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Seconds named in <c>x-ratelimit-reset</c> on a storm's 429s.</summary>
    public int StormResetSeconds { get; set; } = 1;

    /// <summary>The next <paramref name="count"/> API requests get 429 with the <c>x-ratelimit-*</c> headers.</summary>
    public void RateLimitStorm(int count) => Interlocked.Exchange(ref rateLimited, count);

    /// <summary>The next <paramref name="count"/> API requests fail with <see cref="ServerErrorStatus"/>, doing nothing.</summary>
    public void ServerErrors(int count) => Interlocked.Exchange(ref serverErrors, count);

    public void SlowResponses(int count) => Interlocked.Exchange(ref slowResponses, count);

    /// <summary>The next <paramref name="count"/> writes happen, but the connection is dropped without an answer.</summary>
    public void LoseResponses(int count) => Interlocked.Exchange(ref lostResponses, count);

    public void Reset()
    {
        RateLimitStorm(0);
        ServerErrors(0);
        SlowResponses(0);
        LoseResponses(0);
    }

    internal bool TakeRateLimited() => Take(ref rateLimited);

    internal bool TakeServerError() => Take(ref serverErrors);

    internal bool TakeSlow() => Take(ref slowResponses);

    internal bool TakeLostResponse() => Take(ref lostResponses);

    private static bool Take(ref int counter)
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
}
