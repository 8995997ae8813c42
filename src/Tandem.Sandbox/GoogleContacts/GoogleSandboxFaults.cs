namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// Switches that make the sandbox misbehave the way the real API can. Each counter applies to that many
/// coming requests and then wears off. Thread-safe; set from tests or the <c>/_sandbox/faults</c> admin API.
/// </summary>
public sealed class GoogleSandboxFaults
{
    private int rateLimited;
    private int serverErrors;
    private int slowResponses;
    private int lostResponses;
    private int staleEtags;
    private long syncTokenEpoch;

    /// <summary>The status of simulated server errors (500 or 503).</summary>
    public int ServerErrorStatus { get; set; } = 503;

    /// <summary>How long a slow response is held back.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Every sync token issued so far is now expired.</summary>
    public long SyncTokenEpoch => Interlocked.Read(ref syncTokenEpoch);

    /// <summary>The next <paramref name="count"/> API requests get 429 RESOURCE_EXHAUSTED.</summary>
    public void RateLimitStorm(int count) => Interlocked.Exchange(ref rateLimited, count);

    /// <summary>The next <paramref name="count"/> API requests fail with <see cref="ServerErrorStatus"/>, doing nothing.</summary>
    public void ServerErrors(int count) => Interlocked.Exchange(ref serverErrors, count);

    /// <summary>The next <paramref name="count"/> API requests wait <see cref="SlowDelay"/> before being handled.</summary>
    public void SlowResponses(int count) => Interlocked.Exchange(ref slowResponses, count);

    /// <summary>The next <paramref name="count"/> writes happen, but the connection is then dropped without an answer.</summary>
    public void LoseResponses(int count) => Interlocked.Exchange(ref lostResponses, count);

    /// <summary>Before each of the next <paramref name="count"/> contact updates, the contact is changed elsewhere (its etag moves).</summary>
    public void StaleEtags(int count) => Interlocked.Exchange(ref staleEtags, count);

    /// <summary>Every sync token issued until now is rejected with EXPIRED_SYNC_TOKEN.</summary>
    public void ExpireSyncTokens() => Interlocked.Increment(ref syncTokenEpoch);

    /// <summary>Clears every switch.</summary>
    public void Reset()
    {
        RateLimitStorm(0);
        ServerErrors(0);
        SlowResponses(0);
        LoseResponses(0);
        StaleEtags(0);
    }

    internal bool TakeRateLimited() => Take(ref rateLimited);

    internal bool TakeServerError() => Take(ref serverErrors);

    internal bool TakeSlow() => Take(ref slowResponses);

    internal bool TakeLostResponse() => Take(ref lostResponses);

    internal bool TakeStaleEtag() => Take(ref staleEtags);

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
