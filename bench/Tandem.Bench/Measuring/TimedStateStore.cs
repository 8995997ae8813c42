using Tandem.Engine.State;

namespace Tandem.Bench.Measuring;

/// <summary>Opens <see cref="TimedSession"/>s over another store, so state work is timed per method.</summary>
public sealed class TimedStateStore : ISyncStateStore
{
    private readonly ISyncStateStore inner;
    private readonly PhaseClock clock;
    private readonly ProgressLog? progress;

    public TimedStateStore(ISyncStateStore inner, PhaseClock clock, ProgressLog? progress = null)
    {
        this.inner = inner;
        this.clock = clock;
        this.progress = progress;
    }

    public async Task<ISyncSession> OpenAsync(string connectionId, bool dryRun, CancellationToken cancellationToken)
    {
        var session = await clock.TimeAsync("state.open", () => inner.OpenAsync(connectionId, dryRun, cancellationToken));
        return new TimedSession(session, clock, progress);
    }
}
