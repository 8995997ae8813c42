using Tandem.Domain.Configuration;
using Tandem.Engine.Planning;

namespace Tandem.Engine.State;

/// <summary>Everything one page of planned-and-applied items changes in the state, committed in one transaction.</summary>
public sealed class PageCommit
{
    public List<RecordWrite> Records { get; } = [];

    public List<LinkWrite> Links { get; } = [];

    public List<HealthNote> Health { get; } = [];

    public List<ActivityNote> Activity { get; } = [];

    public List<(long JournalId, JournalState State, string? RecordId, string? Detail)> Journal { get; } = [];

    public bool IsEmpty => Records.Count == 0 && Links.Count == 0 && Health.Count == 0 && Activity.Count == 0 && Journal.Count == 0;

    public void Clear(Side side, string id) => Records.Add(new RecordWrite(side, id, DirtyState.Clean));
}
