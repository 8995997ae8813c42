using Tandem.Domain.Configuration;

namespace Tandem.Engine.State;

/// <summary>A change to the links table: insert (<see cref="Id"/> 0), update, or delete.</summary>
public sealed record LinkWrite(long Id, string? AId, string? BId, string? Baseline, bool ADeleted, bool BDeleted, bool Delete = false)
{
    /// <summary>
    /// For an insert: when the record on the other side already has a link (a contact re-created after
    /// a deletion), bind that link to this side's new record instead of adding a second one.
    /// </summary>
    public Side? Rebind { get; init; }
}
