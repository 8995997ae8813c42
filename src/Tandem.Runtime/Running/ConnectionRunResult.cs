using Tandem.Domain.Configuration;
using Tandem.Engine;

namespace Tandem.Runtime.Running;

/// <summary>What running a connection once came to.</summary>
/// <param name="ConnectionId">The connection's id.</param>
/// <param name="ConnectionName">Its name, for display.</param>
/// <param name="State">The connection's state after the run (unchanged by a dry run or a skipped run).</param>
/// <param name="Report">The engine's report; null when the run was skipped (see <see cref="SkippedBecause"/>).</param>
public sealed record ConnectionRunResult(string ConnectionId, string ConnectionName, ConnectionState State, RunReport? Report)
{
    /// <summary>Why the connection was not run (it is paused), or null when it ran.</summary>
    public string? SkippedBecause { get; init; }

    /// <summary>The connector refused the account's credentials or settings: a person must re-authorise.</summary>
    public bool AuthorizationFailed { get; init; }

    /// <summary>True when the run completed with nothing failed (a skipped run is not a success).</summary>
    public bool Succeeded => Report is { Outcome: RunOutcome.Completed };

    /// <summary>True when the next run should wait longer: the run failed or stopped for a person.</summary>
    public bool NeedsBackoff => Report is { Outcome: RunOutcome.Failed or RunOutcome.DeletionGuardTripped };
}
