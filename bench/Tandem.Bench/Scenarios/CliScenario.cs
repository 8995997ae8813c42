using System.Diagnostics;
using Tandem.Bench.Cli;
using Tandem.Bench.Measuring;
using Tandem.Bench.Reporting;
using Tandem.Bench.VCard;

namespace Tandem.Bench.Scenarios;

/// <summary>
/// <c>cli</c>: the <c>vcard</c> folders synced by the <c>tandem</c> command and by vdirsyncer, whole process against
/// whole process (start-up included, as a user waits for it), medians of at least three runs on fresh copies.
/// Goals (issue 16): first sync faster than vdirsyncer; no-change and 100-changed syncs at least 3× faster;
/// <c>tandem status</c> and <c>tandem log</c> under 0.2 s; the end states equivalent.
/// </summary>
public static class CliScenario
{
    private const double Goal = 3;
    private const int MinimumRuns = 3;
    private static readonly TimeSpan QueryGoal = TimeSpan.FromSeconds(0.2);

    public static async Task<bool?> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        if (!VdirsyncerRunner.IsInstalled())
        {
            Console.Error.WriteLine("cli: vdirsyncer is not installed; as root: apt-get update && apt-get install -y vdirsyncer");
            return false;
        }

        if (TandemCommand.Locate() is not { } executable)
        {
            return false;
        }

        var table = new TextTable("size", "step", "tandem wall (CPU)", "vdirsyncer wall (CPU)", "ratio", "goal", "result");
        var notes = new List<string> { $"tandem: {executable}; load average at the start: {LoadAverage()}" };
        var passed = true;
        foreach (var size in arguments.SizesOr(2_000, 10_000, 20_000))
        {
            passed &= await RunSizeAsync(size, Math.Max(MinimumRuns, arguments.Repeat), executable, table, notes, cancellationToken);
        }

        notes.Add($"load average at the end: {LoadAverage()}");
        Console.WriteLine("cli: tandem sync FILE vs vdirsyncer sync, whole processes, medians");
        table.Print();
        notes.ForEach(Console.WriteLine);
        return passed;
    }

    private static async Task<bool> RunSizeAsync(int size, int runs, string executable, TextTable table, List<string> notes, CancellationToken cancellationToken)
    {
        var progress = new ProgressLog($"cli {Figures.Count(size)}: ");
        var generating = Stopwatch.StartNew();
        using var workspace = VCardWorkspace.Generate(size);
        progress.Say($"generated 2 x {Figures.Count(size)} cards in {Figures.Seconds(generating.Elapsed)} under {workspace.Root}");
        var tandem = new Dictionary<string, List<ProcessTime>>(StringComparer.Ordinal);
        var vdirsyncer = new Dictionary<string, List<ProcessTime>>(StringComparer.Ordinal);
        string? comparison = null;
        for (var run = 1; run <= runs; run++)
        {
            workspace.ResetCopies();
            var marker = $"Edited in run {run}";
            var current = new CliRun(workspace, executable, progress);
            progress.Say($"run {run} of {runs}: tandem");
            await current.RunTandemAsync(marker, cancellationToken);
            progress.Say($"run {run} of {runs}: vdirsyncer");
            await current.RunVdirsyncerAsync(marker, cancellationToken);
            Collect(tandem, current.Tandem);
            Collect(vdirsyncer, current.Vdirsyncer);
            comparison ??= CompareEndStates(workspace);
        }

        var passed = true;
        var label = $"{Figures.Count(size)} + {Figures.Count(size)}";
        foreach (var step in CliRun.SyncSteps)
        {
            var ours = ProcessTime.Median(tandem[step]);
            var theirs = ProcessTime.Median(vdirsyncer[step]);
            var ratio = theirs.Wall / ours.Wall;
            var first = step == VCardRun.FirstStep;
            var ok = first ? ratio > 1 : ratio >= Goal;
            passed &= ok;
            table.Add(label, step, Show(ours), Show(theirs), Figures.Ratio(ratio), first ? "faster" : $">= {Goal:0}x", Figures.Verdict(ok));
            notes.Add($"  {Figures.Count(size)} {step}: tandem runs {Runs(tandem[step])}; vdirsyncer runs {Runs(vdirsyncer[step])}");
        }

        foreach (var step in new[] { CliRun.StatusStep, CliRun.LogStep })
        {
            var ours = ProcessTime.Median(tandem[step]);
            var ok = ours.Wall < QueryGoal;
            passed &= ok;
            table.Add(label, step, Show(ours), "-", "-", $"< {QueryGoal.TotalSeconds:0.0} s", Figures.Verdict(ok));
            notes.Add($"  {Figures.Count(size)} {step}: runs {Runs(tandem[step])}");
        }

        var equivalent = !comparison!.Contains("DIFFERENT", StringComparison.Ordinal);
        passed &= equivalent;
        table.Add(label, "end states equivalent", "-", "-", "-", "same cards", Figures.Verdict(equivalent));
        notes.Add(comparison);
        return passed;
    }

    private static void Collect(Dictionary<string, List<ProcessTime>> into, Dictionary<string, ProcessTime> run)
    {
        foreach (var (step, time) in run)
        {
            (into.TryGetValue(step, out var list) ? list : into[step] = []).Add(time);
        }
    }

    private static string Show(ProcessTime time) => $"{Figures.Seconds(time.Wall)} ({Figures.Seconds(time.Cpu)})";

    private static string Runs(List<ProcessTime> runs) => string.Join(", ", runs.Select(Show));

    private static string CompareEndStates(VCardWorkspace workspace)
    {
        var lines = new[]
        {
            FolderComparison.Compare("tandem A", workspace.TandemA, "vdirsyncer A", workspace.VdirA),
            FolderComparison.Compare("tandem B", workspace.TandemB, "vdirsyncer B", workspace.VdirB),
            FolderComparison.Compare("tandem A", workspace.TandemA, "tandem B", workspace.TandemB),
        };
        return string.Join(Environment.NewLine, lines.SelectMany(c => new[] { "  end state " + c.Summary() }.Concat(c.Samples.Select(s => "      " + s))));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
