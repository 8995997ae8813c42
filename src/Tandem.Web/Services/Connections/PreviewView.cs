using Tandem.Engine;

namespace Tandem.Web.Services.Connections;

/// <summary>What a dry run found: what the next run would do, without writing anything (PRODUCT.md §4 "plan, then apply").</summary>
/// <param name="Outcome">Completed, or why it would stop (deletion guard, an app unreachable, credentials refused).</param>
/// <param name="Message">Why it would stop, or null.</param>
/// <param name="A">What it would do to side A.</param>
/// <param name="B">What it would do to side B.</param>
/// <param name="Linked">Pairs it would link by email.</param>
/// <param name="Conflicts">Fields changed differently on both sides.</param>
/// <param name="Excluded">Contacts it would exclude.</param>
/// <param name="Failed">Contacts it could not plan.</param>
/// <param name="Warnings">Configuration it would leave out, with the reason.</param>
/// <param name="Samples">A few lines of the plan.</param>
public sealed record PreviewView(
    RunOutcome Outcome,
    string? Message,
    SideCounts A,
    SideCounts B,
    int Linked,
    int Conflicts,
    int Excluded,
    int Failed,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Samples)
{
    public static PreviewView From(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new PreviewView(report.Outcome, report.Message, report.A, report.B, report.Linked, report.Conflicts, report.Excluded, report.Failed, report.Warnings, report.Samples);
    }
}
