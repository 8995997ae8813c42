using Tandem.Engine;
using Tandem.Runtime.Running;

namespace Tandem.Cli.Output;

/// <summary>Prints a short summary of one run: per side what was read and written, then the totals; a dry run adds its plan.</summary>
internal static class RunPrinter
{
    public static async Task PrintAsync(TextWriter output, ConnectionRunResult result, string nameA, string nameB)
    {
        if (result.Report is not { } report)
        {
            await output.WriteLineAsync($"connection '{result.ConnectionName}': skipped. {result.SkippedBecause}");
            return;
        }

        await output.WriteLineAsync($"connection '{result.ConnectionName}': {Headline(report)}");
        if (report.Outcome != RunOutcome.Failed)
        {
            await PrintSideAsync(output, "A", nameA, report.A);
            await PrintSideAsync(output, "B", nameB, report.B);
            await output.WriteLineAsync($"  linked {report.Linked}, conflicts {report.Conflicts}, excluded {report.Excluded}, failed {report.Failed}, write calls {report.WriteCalls}");
        }

        foreach (var warning in report.Warnings)
        {
            await output.WriteLineAsync($"  warning: {warning}");
        }

        if (report.DryRun && report.Samples.Count > 0)
        {
            await output.WriteLineAsync("  plan (sample):");
            foreach (var line in report.Samples)
            {
                await output.WriteLineAsync($"    {line}");
            }
        }

        if (report.Outcome == RunOutcome.DeletionGuardTripped)
        {
            await output.WriteLineAsync("  If these deletions are intended, run again with --confirm-deletions.");
        }
    }

    private static string Headline(RunReport report)
    {
        var prefix = report.DryRun ? "dry run, nothing written; " : string.Empty;
        return prefix + report.Outcome switch
        {
            RunOutcome.Completed => "completed",
            RunOutcome.CompletedWithFailures => $"completed with {report.Failed} failed contact(s)",
            RunOutcome.DeletionGuardTripped => $"stopped by the deletion guard. {report.Message}",
            _ => $"failed. {report.Message}",
        };
    }

    private static Task PrintSideAsync(TextWriter output, string side, string name, SideCounts counts) =>
        output.WriteLineAsync($"  {side} '{name}': read {counts.Read}, created {counts.Created}, updated {counts.Updated}, tagged {counts.Tagged}, write calls {counts.WriteCalls}");
}
