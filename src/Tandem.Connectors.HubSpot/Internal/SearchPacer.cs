namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// Keeps this account's search requests under HubSpot's own search limit (5 a second per account, apart from the burst
/// limit, and answered without rate headers to go by): at most 4 in any rolling second, waiting on the clock otherwise.
/// </summary>
internal sealed class SearchPacer(TimeProvider time)
{
    private const int PerSecond = 4;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> recent = new();
    private readonly SemaphoreSlim gate = new(1, 1);

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
