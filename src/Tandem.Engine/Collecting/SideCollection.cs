using Tandem.Connectors.Contract;

namespace Tandem.Engine.Collecting;

/// <summary>What collecting one side produced: the cursor to save once the run's writes are committed, and deletions found.</summary>
public sealed class SideCollection
{
    public string? NextCursor { get; set; }

    public int Read { get; set; }

    /// <summary>True when a complete listing was read (deletions may be inferred from what it did not list).</summary>
    public bool CompleteListing { get; set; }

    /// <summary>Records a complete listing did not see (not yet marked deleted).</summary>
    public int Unseen { get; set; }

    /// <summary>Tombstones from the change feed (not yet marked deleted).</summary>
    public List<string> Tombstones { get; } = [];

    /// <summary>Merges the change feed reported (not yet re-linked); their gone ids are no tombstones.</summary>
    public List<RecordMerge> Merges { get; } = [];

    public int LiveBefore { get; set; }

    public int DeletionsDetected => Unseen + Tombstones.Count;
}
