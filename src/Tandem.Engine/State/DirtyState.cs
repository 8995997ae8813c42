namespace Tandem.Engine.State;

/// <summary>Whether a staged record still needs planning.</summary>
public enum DirtyState
{
    Clean = 0,
    Dirty = 1,
    /// <summary>Retry on the next run (a write whose outcome is unknown); skipped for the rest of this one.</summary>
    NextRun = 2,

    /// <summary>Planned in this run, its writes waiting to fill a batch; dirty again if the run stops before they are settled.</summary>
    Planned = 3,
}
