using System.Diagnostics;
using Tandem.Bench.Measuring;
using Tandem.Bench.Reporting;
using Tandem.Bench.State;

namespace Tandem.Bench.Scenarios;

/// <summary>
/// <c>inmemory</c>: two in-memory apps of N contacts each (N/2 matched pairs), SQLite state in a temp file.
/// A first sync (goal ≤ 10 s at N = 100,000), a sync with nothing changed (≤ 0.3 s, zero write calls) and a
/// sync after 100 edits on one side (≤ 0.5 s, one write call at a batch size of 100); goals of issue 16.
/// </summary>
public static class InMemoryScenario
{
    private const int Edits = 100;

    public static async Task<bool?> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var allPassed = true;
        foreach (var size in arguments.SizesOr(100_000))
        {
            allPassed &= await RunSizeAsync(size, arguments.Repeat, cancellationToken);
        }

        return allPassed;
    }

    private static async Task<bool> RunSizeAsync(int size, int repeat, CancellationToken cancellationToken)
    {
        var first = new StepRuns("first sync");
        var quiet = new StepRuns("no-change sync");
        var edited = new StepRuns($"{Edits} changed in A");
        var steady = new StepRuns("quiet sync, no echoes");
        var progress = new ProgressLog("inmemory: ");
        for (var run = 1; run <= repeat; run++)
        {
            progress.Say($"run {run} of {repeat}: seeding {Figures.Count(size)} + {Figures.Count(size)} contacts");
            var seeding = Stopwatch.StartNew();
            var world = InMemoryWorld.Seed(size);
            progress.Say($"seeded in {Figures.Seconds(seeding.Elapsed)}");
            await using var database = await BenchDatabase.CreateAsync("in-memory", "in-memory", cancellationToken);
            first.Add(await SyncAsync(first.Step, world, database, progress, cancellationToken));
            CheckConverged(world, size);
            quiet.Add(await SyncAsync(quiet.Step, world, database, progress, cancellationToken));
            world.EditMatchedInA(Edits, "Edited in run " + run);
            edited.Add(await SyncAsync(edited.Step, world, database, progress, cancellationToken));
            steady.Add(await SyncAsync(steady.Step, world, database, progress, cancellationToken));
            progress.Say($"state database {Figures.Megabytes(database.SizeBytes)}");
        }

        var label = $"{Figures.Count(size)} + {Figures.Count(size)}";
        var contacts = 2L * size;
        var table = new ScenarioTable("inmemory");
        var expectedFirstWrites = (long)Math.Ceiling(size / 2 / 100.0);
        var f = first.Best;
        table.Add(label, contacts, f, "<= 10 s", f.Wall <= TimeSpan.FromSeconds(10));
        table.Add(label, contacts, f, $"{expectedFirstWrites}+{expectedFirstWrites} write calls", f.WriteCallsA == expectedFirstWrites && f.WriteCallsB == expectedFirstWrites);
        var q = quiet.Best;
        table.Add(label, contacts + size, q, "<= 0.3 s", q.Wall <= TimeSpan.FromSeconds(0.3));
        table.Add(label, contacts + size, q, "0 write calls", quiet.Runs.All(r => r.WriteCallsA + r.WriteCallsB == 0));
        var e = edited.Best;
        table.Add(label, contacts + size, e, "<= 0.5 s", e.Wall <= TimeSpan.FromSeconds(0.5));
        table.Add(label, contacts + size, e, "0+1 write calls", edited.Runs.All(r => r.WriteCallsA == 0 && r.WriteCallsB == 1));
        table.Add(label, contacts + size, steady.Best, "- (for comparison)", null);
        table.Print();
        foreach (var step in new[] { first, quiet, edited, steady })
        {
            Console.WriteLine($"  {step.Step}: {step.Noise()}; records read A/B {step.Best.Report.A.Read}/{step.Best.Report.B.Read}, created A/B {step.Best.Report.A.Created}/{step.Best.Report.B.Created}, " +
                $"updated A/B {step.Best.Report.A.Updated}/{step.Best.Report.B.Updated}, linked {step.Best.Report.Linked}");
        }

        Console.WriteLine($"  process peak working set {Figures.Megabytes(MemorySampler.ProcessPeakWorkingSetBytes())} (includes both in-memory apps)");
        Console.WriteLine();
        foreach (var step in new[] { first, quiet, edited, steady })
        {
            TimeSplit.Print(step.Best);
            Console.WriteLine();
        }

        return table.AllPassed;
    }

    private static async Task<StepResult> SyncAsync(string step, InMemoryWorld world, BenchDatabase database, ProgressLog progress, CancellationToken cancellationToken)
    {
        world.A.Calls.Reset();
        world.B.Calls.Reset();
        await using var a = world.A.Connect();
        await using var b = world.B.Connect();
        var result = await SyncStep.RunAsync(step, database, a, b, progress, cancellationToken);
        if (world.A.Calls.ReadCalls != result.ReadCallsA || world.B.Calls.WriteCalls != result.WriteCallsB)
        {
            throw new InvalidOperationException($"The apps counted other calls than the bench: A {world.A.Calls}; B {world.B.Calls}.");
        }

        return result;
    }

    private static void CheckConverged(InMemoryWorld world, int size)
    {
        var expected = size + (size / 2);
        if (world.A.Count != expected || world.B.Count != expected)
        {
            throw new InvalidOperationException($"After the first sync A holds {world.A.Count} and B {world.B.Count} contacts; {expected} each were expected.");
        }
    }
}
