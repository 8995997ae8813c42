using System.Globalization;
using Tandem.Bench.Measuring;
using Tandem.Bench.Reporting;
using Tandem.Bench.State;
using Tandem.Bench.Synthetic;

namespace Tandem.Bench.Scenarios;

/// <summary>
/// The child process of <c>memory</c>: one first sync of two synthetic apps of N contacts each (N/2 matched),
/// then one <see cref="ResultPrefix"/> line on standard output with the figures, for the parent to read.
/// </summary>
public static class MemoryChildRun
{
    public const string Command = "memory-child";

    public const string ResultPrefix = "MEMORY-RESULT ";

    public static async Task<bool?> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var size = arguments.SizesOr(100_000)[0];
        var progress = new ProgressLog($"memory {Figures.Count(size)}: ");
        var a = new SyntheticApp("a", size, 0);
        var b = new SyntheticApp("b", size, size / 2);
        await using var database = await BenchDatabase.CreateAsync("synthetic", "synthetic", cancellationToken);
        GC.Collect();
        var baseline = Environment.WorkingSet;
        progress.Say($"baseline working set {Figures.Megabytes(baseline)}");
        await using var connectorA = a.Connect();
        await using var connectorB = b.Connect();
        var result = await SyncStep.RunAsync("first sync", database, connectorA, connectorB, progress, cancellationToken);
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        TimeSplit.Print(result);
        var figures = new Dictionary<string, long>
        {
            ["size"] = size,
            ["wallTicks"] = result.Wall.Ticks,
            ["cpuTicks"] = result.Cpu.Ticks,
            ["baselineWs"] = baseline,
            ["peakWs"] = result.ProcessPeakWorkingSetBytes,
            ["sampledWs"] = result.PeakWorkingSetBytes,
            ["peakHeap"] = result.PeakManagedBytes,
            ["gcHeapAfter"] = gc.HeapSizeBytes,
            ["gcCommittedAfter"] = gc.TotalCommittedBytes,
            ["readsA"] = result.ReadCallsA,
            ["readsB"] = result.ReadCallsB,
            ["writesA"] = result.WriteCallsA,
            ["writesB"] = result.WriteCallsB,
            ["createdA"] = result.Report.A.Created,
            ["createdB"] = result.Report.B.Created,
            ["linked"] = result.Report.Linked,
            ["dbBytes"] = database.SizeBytes,
        };
        Console.WriteLine(ResultPrefix + string.Join(' ', figures.Select(f => f.Key + "=" + f.Value.ToString(CultureInfo.InvariantCulture))));
        return true;
    }
}
