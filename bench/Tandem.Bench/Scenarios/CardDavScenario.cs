using Tandem.Bench.CardDav;
using Tandem.Bench.Measuring;
using Tandem.Bench.Reporting;
using Tandem.Bench.VCard;
using Tandem.Domain.Configuration;

namespace Tandem.Bench.Scenarios;

/// <summary>
/// <c>carddav</c>: two address books on a real Radicale and a real Xandikos (127.0.0.1), N cards each (default
/// 2,000; half shared), Tandem beside vdirsyncer on identical fresh copies: first sync, no-change sync, 100 edited
/// in A, 100 edited in A and B, 100 deleted in A. Wall time and HTTP requests (counted by a proxy) per step.
/// Goals: no-change ≥ 10× faster than vdirsyncer; each 100-change step faster; the same end state.
/// </summary>
public static class CardDavScenario
{
    private const double QuietGoal = 10;

    public static async Task<bool?> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        if (!VdirsyncerRunner.IsInstalled())
        {
            Console.Error.WriteLine("carddav: vdirsyncer is not installed; as root: apt-get update && apt-get install -y vdirsyncer");
            return false;
        }

        var table = new TextTable("server", "size", "step", "Tandem", "vdirsyncer", "ratio", "requests Tandem", "requests vdirsyncer", "goal", "result");
        var notes = new List<string>();
        var splits = new List<StepResult>();
        var passed = true;
        foreach (var flavour in new DavFlavour[] { new RadicaleFlavour(), new XandikosFlavour() }.Where(f => arguments.Includes(f.Name)))
        {
            if (DavFlavour.Find(flavour.Executable) is null)
            {
                Console.Error.WriteLine($"carddav: {flavour.Executable} is not installed (apt-get install -y {flavour.Executable}); its rows are left out.");
                passed = false;
                continue;
            }

            foreach (var size in arguments.SizesOr(2_000))
            {
                passed &= await RunServerAsync(flavour, size, arguments.Repeat, table, notes, splits, cancellationToken);
            }
        }

        Console.WriteLine();
        table.Print();
        Console.WriteLine();
        notes.ForEach(Console.WriteLine);
        Console.WriteLine();
        foreach (var split in splits)
        {
            TimeSplit.Print(split);
            Console.WriteLine();
        }

        return passed;
    }

    private static async Task<bool> RunServerAsync(DavFlavour flavour, int size, int repeat, TextTable table, List<string> notes, List<StepResult> splits, CancellationToken cancellationToken)
    {
        var progress = new ProgressLog($"carddav {flavour.Name} {Figures.Count(size)}: ");
        using var workspace = await CardDavWorkspace.SeedAsync(flavour, size, cancellationToken);
        progress.Say($"seeded 2 x {Figures.Count(size)} cards under {workspace.Root}");
        var runner = new CardDavRunner(workspace, progress);
        var tandem = new List<ToolRun>();
        var vdirsyncer = new List<ToolRun>();
        for (var run = 1; run <= repeat; run++)
        {
            var marker = $"Run {run}";
            progress.Say($"run {run} of {repeat}: Tandem");
            tandem.Add(await runner.RunTandemAsync(run, marker, cancellationToken));
            progress.Say($"run {run} of {repeat}: vdirsyncer");
            var (theirs, discover, discoverRequests) = await runner.RunVdirsyncerAsync(run, marker, cancellationToken);
            vdirsyncer.Add(theirs);
            notes.Add($"  {flavour.Name} {Figures.Count(size)} run {run}: vdirsyncer discover {Figures.Seconds(discover)}, {discoverRequests.Total} requests (not part of any step)");
        }

        var passed = true;
        var label = $"{Figures.Count(size)} + {Figures.Count(size)}";
        foreach (var step in ToolRun.Steps)
        {
            var ours = tandem.MinBy(r => r.Wall[step])!;
            var theirs = vdirsyncer.MinBy(r => r.Wall[step])!;
            var ratio = theirs.Wall[step] / ours.Wall[step];
            var (goal, ok) = step switch
            {
                ToolRun.FirstStep => ("-", (bool?)null),
                ToolRun.QuietStep => ($">= {QuietGoal:0}x faster", ratio >= QuietGoal),
                _ => ("faster", ratio > 1),
            };
            passed &= ok ?? true;
            table.Add(flavour.Name, label, step, Figures.Seconds(ours.Wall[step]), Figures.Seconds(theirs.Wall[step]), Figures.Ratio(ratio),
                Figures.Count(ours.Requests[step].Total), Figures.Count(theirs.Requests[step].Total), goal, ok is { } v ? Figures.Verdict(v) : "-");
            var report = ours.Tandem[step].Report;
            notes.Add($"  {flavour.Name} {step}: Tandem runs {string.Join(", ", tandem.Select(r => Figures.Seconds(r.Wall[step])))}, requests {ours.Requests[step].Methods()}; " +
                $"vdirsyncer runs {string.Join(", ", vdirsyncer.Select(r => Figures.Seconds(r.Wall[step])))}, requests {theirs.Requests[step].Methods()}; " +
                $"Tandem created A/B {report.A.Created}/{report.B.Created}, updated A/B {report.A.Updated}/{report.B.Updated}, read A/B {report.A.Read}/{report.B.Read}");
            splits.Add(ours.Tandem[step] with { Step = $"{flavour.Name}: {ours.Tandem[step].Step}" });
        }

        var (summary, same) = CompareEndStates(tandem[0], vdirsyncer[0]);
        notes.AddRange(summary.Select(s => $"  {flavour.Name} end state {s}"));
        table.Add(flavour.Name, label, "end states equivalent", "-", "-", "-", "-", "-", "same cards", Figures.Verdict(same));

        // A server's figures as soon as it is done (Xandikos takes long): the full table follows at the end.
        Console.Error.WriteLine(table.ToString());
        notes.ForEach(Console.Error.WriteLine);
        return passed && same;
    }

    /// <summary>
    /// Tandem's books against vdirsyncer's, and Tandem's A against its B. Where vdirsyncer deletes the counterpart of
    /// a deleted card, Tandem tags it "Tandem Trash" (it never deletes on the other side by itself): those tagged
    /// cards are counted, then left out of the comparison.
    /// </summary>
    private static (List<string> Lines, bool Same) CompareEndStates(ToolRun tandem, ToolRun vdirsyncer)
    {
        var trashed = tandem.EndB.Count(c => c.HasCategory(SyncOptions.TrashTag)) + tandem.EndA.Count(c => c.HasCategory(SyncOptions.TrashTag));
        List<NormalisedCard> Live(List<NormalisedCard> cards) => cards.Where(c => !c.HasCategory(SyncOptions.TrashTag)).ToList();
        var comparisons = new[]
        {
            FolderComparison.Compare("Tandem A", Live(tandem.EndA), "vdirsyncer A", vdirsyncer.EndA),
            FolderComparison.Compare("Tandem B", Live(tandem.EndB), "vdirsyncer B", vdirsyncer.EndB),
            FolderComparison.Compare("Tandem A", Live(tandem.EndA), "Tandem B", Live(tandem.EndB)),
        };
        var lines = new List<string> { $"Tandem's counterparts tagged '{SyncOptions.TrashTag}' (vdirsyncer deleted them): {trashed} (expected {UserEdits.Count})" };
        foreach (var c in comparisons)
        {
            lines.Add(c.Summary());
            lines.AddRange(c.Samples.Select(s => "    " + s));
        }

        return (lines, comparisons.All(c => c.Equivalent) && trashed == UserEdits.Count);
    }
}
