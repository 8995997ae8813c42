namespace Tandem.Engine.State;

/// <summary>A change to the links table: insert (<see cref="Id"/> 0), update, or delete.</summary>
public sealed record LinkWrite(long Id, string? AId, string? BId, string? Baseline, bool ADeleted, bool BDeleted, bool Delete = false);
