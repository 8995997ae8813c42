namespace Tandem.Storage.Matching;

/// <summary>A pending possible match with what Tandem last saw of both records (the user's own data: show, never log).</summary>
/// <param name="Id">The proposal's id.</param>
/// <param name="AId">Side A's record id.</param>
/// <param name="ASnapshot">Side A's record as last seen (snapshot JSON).</param>
/// <param name="BId">Side B's record id.</param>
/// <param name="BSnapshot">Side B's record as last seen.</param>
/// <param name="SharedKey">The likeness key they share ("likely:ann lee|phone:…").</param>
public sealed record StoredPossibleMatch(long Id, string AId, string? ASnapshot, string BId, string? BSnapshot, string SharedKey);
