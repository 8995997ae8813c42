using Tandem.Domain.Contacts;

namespace Tandem.Connectors.Contract;

/// <summary>One page of a change feed.</summary>
/// <param name="Changed">Records created or changed since the cursor (may repeat records already seen: ties are safe).</param>
/// <param name="DeletedIds">Tombstones: ids of records deleted since the cursor.</param>
/// <param name="NextCursor">The cursor to read the next page from (or the next sync from).</param>
/// <param name="HasMore">True when more pages follow right now.</param>
public sealed record ChangePage(IReadOnlyList<ContactRecord> Changed, IReadOnlyList<string> DeletedIds, string NextCursor, bool HasMore)
{
    /// <summary>
    /// Changes named only by id and version, for feeds that carry versions but not contents (CardDAV's
    /// <c>sync-collection</c>). The engine fetches with <see cref="IContactConnector.GetAsync"/> only the ones whose
    /// version it does not already hold, so the echoes of Tandem's own writes cost no read.
    /// </summary>
    public IReadOnlyList<RecordVersion> ChangedVersions { get; init; } = [];

    /// <summary>
    /// Records merged into others since the cursor. A gone id named here is not a deletion: the engine re-links its pair
    /// to the survivor, so a connector reports it here and not in <see cref="DeletedIds"/> (one in both counts as a merge).
    /// </summary>
    public IReadOnlyList<RecordMerge> Merges { get; init; } = [];
}
