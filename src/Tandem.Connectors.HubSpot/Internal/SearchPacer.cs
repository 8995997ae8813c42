namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// Keeps an account's search requests under HubSpot's own search limit (5 a second per account, apart from the burst
/// limit, and answered without rate headers to go by): at most 4 in any rolling second, waiting on the clock otherwise.
/// The limit is the account's, so every connector of one account in this process shares one pacer (<see cref="For"/>).
/// </summary>
internal sealed class SearchPacer(TimeProvider time)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SearchPacer> Accounts = new(StringComparer.Ordinal);

    private const int PerSecond = 4;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> recent = new();
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The pacer of the account at <paramref name="baseUrl"/> known by <paramref name="identity"/> (kept only as a hash).</summary>
    public static SearchPacer For(Uri baseUrl, string identity, TimeProvider time)
    {
        var key = baseUrl + "|" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)));
        return Accounts.GetOrAdd(key, _ => new SearchPacer(time));
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            while (recent.Count > 0 && now - recent.Peek() >= Second)
            {
                recent.Dequeue();
            }

            if (recent.Count >= PerSecond)
            {
                await Task.Delay(Second - (now - recent.Dequeue()), time, cancellationToken).ConfigureAwait(false);
            }

            recent.Enqueue(time.GetUtcNow());
        }
        finally
        {
            gate.Release();
        }
    }
}
