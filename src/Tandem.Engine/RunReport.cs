using Tandem.Domain.Configuration;

namespace Tandem.Engine;

/// <summary>The result of one run: what was planned and done, per side, with samples of the plan.</summary>
public sealed class RunReport
{
    public RunOutcome Outcome { get; set; } = RunOutcome.Completed;

    public bool DryRun { get; init; }

    public SideCounts A { get; } = new();

    public SideCounts B { get; } = new();

    public int Linked { get; set; }

    public int Conflicts { get; set; }

    public int Excluded { get; set; }

    public int Failed { get; set; }

    /// <summary>The run stopped because an app refused the account's credentials: a person must re-authorise.</summary>
    public bool AuthorizationFailed { get; set; }

    /// <summary>Why the run failed or stopped, in words a user understands.</summary>
    public string? Message { get; set; }

    /// <summary>Configuration the run could not use and left out (a refused field mapping, with its reason).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>A few lines of the plan ("create in B from A: 3f2…"), for a dry run's summary.</summary>
    public List<string> Samples { get; } = [];

    public SideCounts Of(Side side) => side == Side.A ? A : B;

    public int WriteCalls => A.WriteCalls + B.WriteCalls;
}
