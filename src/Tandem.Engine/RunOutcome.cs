namespace Tandem.Engine;

/// <summary>How a run ended.</summary>
public enum RunOutcome
{
    /// <summary>Everything planned was applied (or, in a dry run, planned).</summary>
    Completed,

    /// <summary>The run finished, but some contacts failed; each has its reason in health.</summary>
    CompletedWithFailures,

    /// <summary>A side lists far fewer contacts than before: nothing was applied; a person must confirm.</summary>
    DeletionGuardTripped,

    /// <summary>The run stopped on an error (an app unreachable, authorisation refused); nothing is lost.</summary>
    Failed,
}
