namespace Tandem.Engine.State;

/// <summary>A stored link: the binding of a record on side A to one on side B, with its baseline.</summary>
/// <param name="Id">The link's id.</param>
/// <param name="AId">Side A's record id (null once the A record is gone for good).</param>
/// <param name="BId">Side B's record id.</param>
/// <param name="Baseline">The baseline as stored (see <see cref="Planning.Baseline"/>), or null before the first sync of the pair.</param>
/// <param name="ADeleted">Side A's record was deleted and the deletion has been handled.</param>
/// <param name="BDeleted">Side B's record was deleted and the deletion has been handled.</param>
public sealed record LinkState(long Id, string? AId, string? BId, string? Baseline, bool ADeleted, bool BDeleted);
