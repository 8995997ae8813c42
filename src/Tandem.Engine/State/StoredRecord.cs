namespace Tandem.Engine.State;

/// <summary>The last known state of one record of one side, as kept in the database.</summary>
public sealed record StoredRecord(string Id, string? Version, long ContentHash, string? EmailKey, string? Snapshot, bool Deleted)
{
    /// <summary>How many live records on the same side share <see cref="EmailKey"/> (including this one).</summary>
    public int SameSideEmailCount { get; init; }

    /// <summary>How many live records on the other side have <see cref="EmailKey"/>.</summary>
    public int OtherSideEmailCount { get; init; }
}
