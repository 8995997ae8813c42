using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Engine;
using Tandem.Runtime.Logging;

namespace Tandem.Runtime.Running;

/// <summary>
/// Keeps one connection syncing: runs it, waits <see cref="WatchLoopOptions.Interval"/>, runs it again,
/// until cancelled. After a failed run (or a tripped deletion guard) the wait doubles, up to
/// <see cref="WatchLoopOptions.MaxBackoff"/>, and drops back to the interval after a good run. One failed
/// run never ends the loop. Time comes from the <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
public sealed class WatchLoop
{
    private readonly Func<RunOptions, CancellationToken, Task<ConnectionRunResult>> runOnce;
    private readonly string connectionId;
    private readonly WatchLoopOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    /// <summary>A loop over <paramref name="runner"/> for one connection.</summary>
    public WatchLoop(ConnectionRunner runner, string connectionId, WatchLoopOptions options, TimeProvider time, ILogger<WatchLoop>? logger = null)
        : this((o, ct) => runner.RunAsync(connectionId, o, ct), connectionId, options, time, logger)
    {
        ArgumentNullException.ThrowIfNull(runner);
    }

    /// <summary>A loop over any way of running the connection once (tests script the runs).</summary>
    public WatchLoop(Func<RunOptions, CancellationToken, Task<ConnectionRunResult>> runOnce, string connectionId, WatchLoopOptions options, TimeProvider time, ILogger<WatchLoop>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(runOnce);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.runOnce = runOnce;
        this.connectionId = connectionId;
        this.options = options;
        this.time = time;
        this.logger = logger ?? NullLogger<WatchLoop>.Instance;
    }

    /// <summary>
    /// The wait after a good run as the apps' cost models set it (<see cref="ConnectionPacing"/>); never shorter than
    /// <see cref="WatchLoopOptions.Interval"/>. Null waits the interval.
    /// </summary>
    public Func<CancellationToken, Task<TimeSpan?>>? Pace { get; init; }

    /// <summary>Called after each run with its result (to print a summary).</summary>
    public Func<ConnectionRunResult, CancellationToken, Task>? RunFinished { get; init; }

    /// <summary>Called once the wait before the next run has started, with its length (for progress display; tests advance fake time then).</summary>
    public Action<TimeSpan>? Waiting { get; init; }

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled, then returns normally. The first run
    /// uses <paramref name="firstRun"/> (a rescan, a deletion acknowledgement); later runs are plain ones,
    /// so an acknowledgement is never repeated on its own.
    /// </summary>
    public async Task RunAsync(RunOptions firstRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firstRun);
        var next = firstRun;
        var delay = options.Interval;
        while (!cancellationToken.IsCancellationRequested)
        {
            delay = await RunOnceAsync(next, delay, cancellationToken);
            next = new RunOptions { PageSize = firstRun.PageSize, SampleSize = firstRun.SampleSize };
            try
            {
                // The timer is armed before Waiting is told, so whoever advances time after the call reaches it.
                var wait = Task.Delay(delay, time, cancellationToken);
                Waiting?.Invoke(delay);
                await wait;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<TimeSpan> RunOnceAsync(RunOptions runOptions, TimeSpan previousDelay, CancellationToken cancellationToken)
    {
        ConnectionRunResult result;
        try
        {
            result = await runOnce(runOptions, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return options.Interval;
        }
        catch (Exception ex)
        {
            var backoff = Backoff(previousDelay);
            RuntimeLog.WatchRunThrew(logger, ex, connectionId, backoff);
            return backoff;
        }

        if (RunFinished is { } report)
        {
            await report(result, cancellationToken);
        }

        if (!result.NeedsBackoff)
        {
            return await PacedIntervalAsync(cancellationToken);
        }

        var delay = Backoff(previousDelay);
        RuntimeLog.WatchBackingOff(logger, connectionId, result.Report!.Outcome, delay);
        return delay;
    }

    private async Task<TimeSpan> PacedIntervalAsync(CancellationToken cancellationToken)
    {
        if (Pace is null)
        {
            return options.Interval;
        }

        try
        {
            return await Pace(cancellationToken) is { } paced && paced > options.Interval ? paced : options.Interval;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The pace is advice: without it the loop keeps the host's interval rather than stopping.
            RuntimeLog.WatchRunThrew(logger, ex, connectionId, options.Interval);
            return options.Interval;
        }
    }

    // The first failure after a good run waits twice the interval; each further one doubles again.
    private TimeSpan Backoff(TimeSpan previousDelay) =>
        TimeSpan.FromTicks(Math.Min(previousDelay.Ticks * 2, options.MaxBackoff.Ticks));
}
