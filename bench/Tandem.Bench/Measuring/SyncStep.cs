using System.Diagnostics;
using Tandem.Bench.State;
using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Engine;
using Tandem.Engine.Planning;

namespace Tandem.Bench.Measuring;

/// <summary>
/// Runs the engine once over two connectors with every call timed, and measures wall time, CPU time
/// and memory around it. The database and the connectors belong to the caller.
/// </summary>
public static class SyncStep
{
    public static async Task<StepResult> RunAsync(
        string step,
        BenchDatabase database,
        IContactConnector a,
        IContactConnector b,
        ProgressLog? progress,
        CancellationToken cancellationToken,
        ConnectionSettings? settings = null,
        SchemaCache? schemas = null)
    {
        var clock = new PhaseClock();
        var timedA = new TimedConnector(a, clock, "A");
        var timedB = new TimedConnector(b, clock, "B");
        var store = new TimedStateStore(database.Store, clock, progress);
        var request = new SyncRequest(database.ConnectionId, settings ?? new ConnectionSettings(), timedA, timedB, store)
        {
            Schemas = schemas,
            AccountA = schemas is null ? null : "A",
            AccountB = schemas is null ? null : "B",
        };
        var engine = new SyncEngine();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var collectionsBefore = GC.CollectionCount(0);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        progress?.Say(step + ": started");
        RunReport report;
        TimeSpan wall;
        var sampler = MemorySampler.Start();
        await using (sampler)
        {
            var started = Stopwatch.GetTimestamp();
            report = await engine.RunAsync(request, cancellationToken);
            wall = Stopwatch.GetElapsedTime(started);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        progress?.Say($"{step}: {report.Outcome} in {wall.TotalSeconds:0.00} s");
        if (report.Outcome != RunOutcome.Completed)
        {
            throw new InvalidOperationException($"The {step} ended {report.Outcome}: {report.Message}");
        }

        return new StepResult(step, wall, cpu, report)
        {
            ReadCallsA = timedA.ReadCalls,
            ReadCallsB = timedB.ReadCalls,
            WriteCallsA = timedA.WriteCalls,
            WriteCallsB = timedB.WriteCalls,
            PeakManagedBytes = sampler.PeakManagedBytes,
            PeakWorkingSetBytes = sampler.PeakWorkingSetBytes,
            ProcessPeakWorkingSetBytes = MemorySampler.ProcessPeakWorkingSetBytes(),
            Sections = clock.Sections,
            GcCollections = GC.CollectionCount(0) - collectionsBefore,
        };
    }
}
