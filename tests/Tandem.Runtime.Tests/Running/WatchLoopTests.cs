using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Tandem.Domain.Configuration;
using Tandem.Engine;
using Tandem.Runtime.Running;

namespace Tandem.Runtime.Tests.Running;

public sealed class WatchLoopTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Start);
    private readonly Channel<TimeSpan> waits = Channel.CreateUnbounded<TimeSpan>();
    private readonly List<(TimeSpan At, RunOptions Options)> runs = [];

    [Fact]
    public async Task Runs_once_per_interval_until_cancelled_then_returns_quietly()
    {
        using var stop = new CancellationTokenSource();
        var loop = Loop(_ => Result(RunOutcome.Completed), new WatchLoopOptions { Interval = TimeSpan.FromSeconds(60) });

        var running = loop.RunAsync(new RunOptions(), stop.Token);
        await AdvanceThroughAsync(2);
        Assert.Equal(TimeSpan.FromSeconds(60), await NextWaitAsync());
        await stop.CancelAsync();
        await running;

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)], runs.Select(r => r.At));
    }

    [Fact]
    public async Task Failed_runs_double_the_wait_up_to_the_cap_and_a_good_run_resets_it()
    {
        using var stop = new CancellationTokenSource();
        RunOutcome[] script = [RunOutcome.Failed, RunOutcome.Failed, RunOutcome.DeletionGuardTripped, RunOutcome.Failed, RunOutcome.Completed, RunOutcome.CompletedWithFailures];
        var loop = Loop(i => Result(script[Math.Min(i, script.Length - 1)]), new WatchLoopOptions { Interval = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromSeconds(40) });

        var running = loop.RunAsync(new RunOptions(), stop.Token);
        var delays = await AdvanceThroughAsync(6);
        await stop.CancelAsync();
        await running;

        Assert.Equal([20, 40, 40, 40, 10, 10], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task A_run_that_throws_is_retried_after_a_backoff_instead_of_ending_the_loop()
    {
        using var stop = new CancellationTokenSource();
        var loop = Loop(i => i == 0 ? throw new InvalidOperationException("database gone") : Result(RunOutcome.Completed), new WatchLoopOptions { Interval = TimeSpan.FromSeconds(10) });

        var running = loop.RunAsync(new RunOptions(), stop.Token);
        var delays = await AdvanceThroughAsync(2);
        await stop.CancelAsync();
        await running;

        Assert.Equal([20, 10], delays.Select(d => d.TotalSeconds));
        Assert.Equal(3, runs.Count);
    }

    [Fact]
    public async Task Only_the_first_run_carries_the_rescan_and_the_deletion_acknowledgement()
    {
        using var stop = new CancellationTokenSource();
        var loop = Loop(_ => Result(RunOutcome.Completed), new WatchLoopOptions { Interval = TimeSpan.FromSeconds(10) });

        var running = loop.RunAsync(new RunOptions { FullRescan = true, AcknowledgeDeletions = true }, stop.Token);
        await AdvanceThroughAsync(1);
        await NextWaitAsync();
        await stop.CancelAsync();
        await running;

        Assert.Equal([(true, true), (false, false)], runs.Select(r => (r.Options.FullRescan, r.Options.AcknowledgeDeletions)));
    }

    [Fact]
    public async Task A_good_run_waits_the_pace_its_apps_set_but_never_less_than_the_interval()
    {
        using var stop = new CancellationTokenSource();
        TimeSpan?[] paces = [TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5), null];
        var asked = 0;
        var loop = new WatchLoop(
            (runOptions, _) =>
            {
                runs.Add((time.GetUtcNow() - Start, runOptions));
                return Task.FromResult(Result(RunOutcome.Completed));
            },
            "c1",
            new WatchLoopOptions { Interval = TimeSpan.FromSeconds(15) },
            time)
        {
            Waiting = delay => waits.Writer.TryWrite(delay),
            Pace = _ => Task.FromResult(paces[Math.Min(asked++, paces.Length - 1)]),
        };

        var running = loop.RunAsync(new RunOptions(), stop.Token);
        var delays = await AdvanceThroughAsync(3);
        await stop.CancelAsync();
        await running;

        Assert.Equal([600, 15, 15], delays.Select(d => d.TotalSeconds));
    }

    private WatchLoop Loop(Func<int, ConnectionRunResult> script, WatchLoopOptions options) =>
        new((runOptions, _) =>
        {
            var index = runs.Count;
            runs.Add((time.GetUtcNow() - Start, runOptions));
            return Task.FromResult(script(index));
        },
        "c1",
        options,
        time)
        {
            Waiting = delay => waits.Writer.TryWrite(delay),
        };

    // Each wait is announced only once its timer is armed, so advancing by it always wakes the loop.
    private async Task<List<TimeSpan>> AdvanceThroughAsync(int count)
    {
        var delays = new List<TimeSpan>();
        for (var i = 0; i < count; i++)
        {
            var delay = await NextWaitAsync();
            delays.Add(delay);
            time.Advance(delay);
        }

        return delays;
    }

    private async Task<TimeSpan> NextWaitAsync() => await waits.Reader.ReadAsync(TestContext.Current.CancellationToken);

    private static ConnectionRunResult Result(RunOutcome outcome) =>
        new("c1", "connection", ConnectionState.Active, new RunReport { Outcome = outcome });
}
