using System.Diagnostics;
using Tandem.Bench.Measuring;
using Tandem.Bench.Reporting;
using Tandem.Bench.VCard;

namespace Tandem.Bench.Scenarios;

/// <summary>
/// <c>vcard</c>: vCard folder ↔ vCard folder at 2,000, 10,000 and 20,000 cards per folder (half shared),
/// Tandem beside vdirsyncer on identical copies: first sync, no-change sync, sync after 100 edits in A.
/// Goals: Tandem faster on the first sync and at least 5× faster on the other two; equivalent end states.
/// </summary>
public static class VCardScenario
{
    private const double Goal = 5;

    public static async Task<bool?> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        if (!VdirsyncerInstalled())
        {
            return false;
        }

        var table = new ScenarioTable("vcard");
        var notes = new List<string>();
        var splits = new List<StepResult>();
        foreach (var size in arguments.SizesOr(2_000, 10_000, 20_000))
        {
            await RunSizeAsync(size, arguments.Repeat, table, notes, splits, cancellationToken);
        }

        table.Print();
        notes.ForEach(Console.WriteLine);
        Console.WriteLine();
        foreach (var split in splits)
        {
            TimeSplit.Print(split);
            Console.WriteLine();
        }

        return table.AllPassed;
    }

    private static async Task RunSizeAsync(int size, int repeat, ScenarioTable table, List<string> notes, List<StepResult> splits, CancellationToken cancellationToken)
    {
        var progress = new ProgressLog($"vcard {Figures.Count(size)}: ");
        var generating = Stopwatch.StartNew();
        using var workspace = VCardWorkspace.Generate(size);
        progress.Say($"generated 2 x {Figures.Count(size)} cards in {Figures.Seconds(generating.Elapsed)} under {workspace.Root}");
        var tandem = new Dictionary<string, StepRuns>(StringComparer.Ordinal);
        var vdirsyncer = new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal);
        string? comparison = null;
        for (var run = 1; run <= repeat; run++)
        {
            workspace.ResetCopies();
            var marker = $"Edited in run {run}";
            var current = new VCardRun(workspace, progress);
            progress.Say($"run {run} of {repeat}: Tandem");
            await current.RunTandemAsync(marker, cancellationToken);
            progress.Say($"run {run} of {repeat}: vdirsyncer");
            await current.RunVdirsyncerAsync(marker, cancellationToken);
            foreach (var result in current.Tandem)
            {
                var step = result.Step["Tandem ".Length..];
                (tandem.TryGetValue(step, out var runs) ? runs : tandem[step] = new StepRuns(result.Step)).Add(result);
            }

            foreach (var (step, elapsed) in current.Vdirsyncer)
            {
                (vdirsyncer.TryGetValue(step, out var list) ? list : vdirsyncer[step] = []).Add(elapsed);
            }

            comparison ??= CompareEndStates(workspace);
        }

        var label = $"{Figures.Count(size)} + {Figures.Count(size)}";
        foreach (var step in new[] { VCardRun.FirstStep, VCardRun.QuietStep, VCardRun.EditedStep })
        {
            var ours = tandem[step].Best;
            var theirs = vdirsyncer[step].Min();
            var contacts = step == VCardRun.FirstStep ? 2L * size : 3L * size;
            var ratio = theirs / ours.Wall;
            var goal = step == VCardRun.FirstStep ? "faster than vdirsyncer" : $">= {Goal:0}x faster";
            table.Add(label, contacts, ours, "-", null);
            table.AddRaw(label, "vdirsyncer " + step, Figures.Seconds(theirs), Figures.PerSecond(contacts, theirs), "-", null);
            table.AddRaw(label, "ratio vdirsyncer/Tandem", Figures.Ratio(ratio), "-", goal, step == VCardRun.FirstStep ? ratio > 1 : ratio >= Goal);
            notes.Add($"  {Figures.Count(size)} {step}: Tandem {tandem[step].Noise()}; vdirsyncer runs {string.Join(", ", vdirsyncer[step].Select(Figures.Seconds))}; " +
                $"Tandem created A/B {ours.Report.A.Created}/{ours.Report.B.Created}, updated A/B {ours.Report.A.Updated}/{ours.Report.B.Updated}, records read A/B {ours.Report.A.Read}/{ours.Report.B.Read}");
            splits.Add(ours);
        }

        notes.Add($"  {Figures.Count(size)} vdirsyncer discover: {string.Join(", ", vdirsyncer["discover"].Select(Figures.Seconds))} (not part of any step)");
        notes.Add(comparison!);
        table.AddRaw(label, "end states equivalent", "-", "-", "same cards", !comparison!.Contains("DIFFERENT", StringComparison.Ordinal));
    }

    private static string CompareEndStates(VCardWorkspace workspace)
    {
        var lines = new[]
        {
            FolderComparison.Compare("Tandem A", workspace.TandemA, "vdirsyncer A", workspace.VdirA),
            FolderComparison.Compare("Tandem B", workspace.TandemB, "vdirsyncer B", workspace.VdirB),
            FolderComparison.Compare("Tandem A", workspace.TandemA, "Tandem B", workspace.TandemB),
        };
        return string.Join(Environment.NewLine, lines.SelectMany(c => new[] { "  end state " + c.Summary() }.Concat(c.Samples.Select(s => "      " + s))));
    }

    private static bool VdirsyncerInstalled()
    {
        if (VdirsyncerRunner.IsInstalled())
        {
            return true;
        }

        Console.Error.WriteLine("vcard: vdirsyncer is not installed; as root: apt-get update && apt-get install -y vdirsyncer");
        return false;
    }
}
