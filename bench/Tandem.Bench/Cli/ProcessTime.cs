namespace Tandem.Bench.Cli;

/// <summary>One whole process as a user waits for it: its wall time and the CPU time it used.</summary>
public sealed record ProcessTime(TimeSpan Wall, TimeSpan Cpu)
{
    /// <summary>The median of several runs, wall and CPU each taken on its own.</summary>
    public static ProcessTime Median(IReadOnlyList<ProcessTime> runs) =>
        new(MedianOf(runs.Select(r => r.Wall)), MedianOf(runs.Select(r => r.Cpu)));

    private static TimeSpan MedianOf(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
