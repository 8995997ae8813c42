using System.Collections.Concurrent;

namespace Tandem.Runtime.Running;

/// <summary>
/// One in-process lock per connection id, so one connection is run by one worker at a time (the engine
/// relies on it). Share one instance per process. When several processes share a PostgreSQL database,
/// a distributed lease (held in the database or the distributed runtime) replaces this class; the
/// runner only needs <see cref="AcquireAsync"/>.
/// </summary>
public sealed class ConnectionLocks
{
    // A semaphore per id is kept for the life of the process: connections are few compared to memory,
    // and removing one safely while another caller waits on it is not worth the complexity.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);

    /// <summary>Waits until no one else runs the connection; dispose the result to let the next one in.</summary>
    public async Task<IDisposable> AcquireAsync(string connectionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        var gate = locks.GetOrAdd(connectionId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    /// <summary>True when some caller holds the connection's lock right now (for status displays).</summary>
    public bool IsHeld(string connectionId) => locks.TryGetValue(connectionId, out var gate) && gate.CurrentCount == 0;

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
