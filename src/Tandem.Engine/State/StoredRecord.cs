using Tandem.Engine.Matching;

namespace Tandem.Engine.State;

/// <summary>The last known state of one record of one side, as kept in the database.</summary>
public sealed record StoredRecord(string Id, string? Version, long ContentHash, string? EmailKey, string? Snapshot, bool Deleted)
{
    /// <summary>It holds at least one matching key (an email…).</summary>
    public bool HasMatchKey { get; init; }

    /// <summary>For an unlinked record: why matching could neither link it nor let it be created; null when nothing stands in the way.</summary>
    public MatchVerdict? Match { get; init; }
}
