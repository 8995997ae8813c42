using Tandem.Engine;

namespace Tandem.Bench.Measuring;

/// <summary>What one measured sync produced: its time, the engine's report, calls per side, memory and the time split.</summary>
public sealed record StepResult(string Step, TimeSpan Wall, TimeSpan Cpu, RunReport Report)
{
    public long ReadCallsA { get; init; }

    public long ReadCallsB { get; init; }

    public long WriteCallsA { get; init; }

    public long WriteCallsB { get; init; }

    /// <summary>The highest managed heap sampled during the step.</summary>
    public long PeakManagedBytes { get; init; }

    /// <summary>The highest working set sampled during the step.</summary>
    public long PeakWorkingSetBytes { get; init; }

    /// <summary>The process's peak working set since it started (the OS figure).</summary>
    public long ProcessPeakWorkingSetBytes { get; init; }

    public IReadOnlyList<(string Name, TimeSpan Elapsed, long Calls)> Sections { get; init; } = [];

    public int GcCollections { get; init; }
}
