namespace Tandem.Engine.Matching;

/// <summary>Two unlinked records, one per side, that share no key but a likeness key: likely one person.</summary>
/// <param name="AId">Side A's record.</param>
/// <param name="BId">Side B's record.</param>
/// <param name="SharedKey">The first likeness key they share (<see cref="MatchKey.LikenessKind"/>).</param>
public sealed record PossibleMatchPair(string AId, string BId, string SharedKey);
