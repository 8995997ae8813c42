using System.Globalization;
using Tandem.Bench.Measuring;
using Tandem.Bench.Reporting;
using Tandem.Engine;

namespace Tandem.Bench.Scenarios;

/// <summary>
/// <c>memory</c>: the peak working set of a first sync between two synthetic apps (nothing stored, so the
/// engine's footprint is what is measured) at 100,000 and 1,000,000 contacts per side, each in its own
/// child process. Goal: the 1M peak is at most 1.5 times the 100k peak.
/// </summary>
public static class MemoryScenario
{
    private const double Goal = 1.5;

    public static async Task<bool?> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var sizes = arguments.SizesOr(100_000, 1_000_000);
        var best = new Dictionary<int, IReadOnlyDictionary<string, long>>();
        foreach (var size in sizes)
        {
            for (var run = 1; run <= arguments.Repeat; run++)
            {
                Console.Error.WriteLine($"memory: {Figures.Count(size)} per side, run {run} of {arguments.Repeat} (child process)");
                var lines = await ChildProcess.RunSelfAsync(
                    [MemoryChildRun.Command, "--size", size.ToString(CultureInfo.InvariantCulture)], MemoryChildRun.ResultPrefix, cancellationToken);
                var figures = Parse(lines.Single());
                if (!best.TryGetValue(size, out var before) || figures["peakWs"] < before["peakWs"])
                {
                    best[size] = figures;
                }
            }
        }

        var table = new ScenarioTable("memory");
        var smallest = best[sizes[0]];
        foreach (var size in sizes)
        {
            var f = best[size];
            var ratio = f["peakWs"] / (double)smallest["peakWs"];
            var passed = size == sizes[0] ? (bool?)null : ratio <= Goal;
            var goal = size == sizes[0] ? "reference" : $"<= {Goal:0.0}x {Figures.Count(sizes[0])} (is {Figures.Ratio(ratio)})";
            table.Add($"{Figures.Count(size)} + {Figures.Count(size)}", 2L * size, ToStep(f), goal, passed);
        }

        table.Print();
        foreach (var size in sizes)
        {
            var f = best[size];
            Console.WriteLine($"  {Figures.Count(size)} per side: peak working set {Figures.Megabytes(f["peakWs"])} (baseline before the sync {Figures.Megabytes(f["baselineWs"])}, " +
                $"growth {Figures.Megabytes(f["peakWs"] - f["baselineWs"])}); peak managed heap {Figures.Megabytes(f["peakHeap"])}; " +
                $"GC heap after {Figures.Megabytes(f["gcHeapAfter"])}, committed {Figures.Megabytes(f["gcCommittedAfter"])}; state database {Figures.Megabytes(f["dbBytes"])}; " +
                $"created A/B {Figures.Count(f["createdA"])}/{Figures.Count(f["createdB"])}, linked {Figures.Count(f["linked"])}");
        }

        if (sizes.Count > 1)
        {
            var small = best[sizes[0]];
            var large = best[sizes[^1]];
            Console.WriteLine($"  ratio of peaks {Figures.Ratio(large["peakWs"] / (double)small["peakWs"])}; " +
                $"ratio of growth over baseline {Figures.Ratio((large["peakWs"] - large["baselineWs"]) / (double)(small["peakWs"] - small["baselineWs"]))}; " +
                $"ratio of managed-heap peaks {Figures.Ratio(large["peakHeap"] / (double)small["peakHeap"])}");
        }

        return table.AllPassed;
    }

    private static Dictionary<string, long> Parse(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static StepResult ToStep(IReadOnlyDictionary<string, long> f) =>
        new("first sync", TimeSpan.FromTicks(f["wallTicks"]), TimeSpan.FromTicks(f["cpuTicks"]), new RunReport())
        {
            ReadCallsA = f["readsA"],
            ReadCallsB = f["readsB"],
            WriteCallsA = f["writesA"],
            WriteCallsB = f["writesB"],
            PeakWorkingSetBytes = f["peakWs"],
            PeakManagedBytes = f["peakHeap"],
        };
}
