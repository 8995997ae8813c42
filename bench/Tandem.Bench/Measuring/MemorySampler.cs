using System.Diagnostics;

namespace Tandem.Bench.Measuring;

/// <summary>
/// Samples the managed heap and the working set every few milliseconds while a step runs, because
/// <see cref="Process.PeakWorkingSet64"/> only ever grows over a process's life and the GC's own
/// figures describe the last collection, not the step's peak.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long peakManaged;
    private long peakWorkingSet;

    private MemorySampler(TimeSpan interval)
    {
        Sample();
        loop = RunAsync(interval, stop.Token);
    }

    public long PeakManagedBytes => Interlocked.Read(ref peakManaged);

    public long PeakWorkingSetBytes => Interlocked.Read(ref peakWorkingSet);

    public static MemorySampler Start(TimeSpan? interval = null) => new(interval ?? TimeSpan.FromMilliseconds(20));

    /// <summary>The process's peak working set since it started, as the OS reports it.</summary>
    public static long ProcessPeakWorkingSetBytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        Sample();
        stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            Sample();
        }
    }

    private void Sample()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        var workingSet = Environment.WorkingSet;
        InterlockedMax(ref peakManaged, managed);
        InterlockedMax(ref peakWorkingSet, workingSet);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
