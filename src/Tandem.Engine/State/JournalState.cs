namespace Tandem.Engine.State;

/// <summary>Where a journalled write stands.</summary>
public enum JournalState
{
    Pending = 0,
    Done = 1,
    Failed = 2,
    /// <summary>Settled on a later run: the create never happened.</summary>
    Abandoned = 3,
}
