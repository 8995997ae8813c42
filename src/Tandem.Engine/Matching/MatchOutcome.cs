using Tandem.Domain.Configuration;

namespace Tandem.Engine.Matching;

/// <summary>What <see cref="IdentityMatcher"/> decided.</summary>
/// <param name="Links">Pairs to link: side A's id, side B's id.</param>
/// <param name="Verdicts">Every unlinked holder's verdict (null: nothing stands in its way).</param>
public sealed record MatchOutcome(IReadOnlyList<(string AId, string BId)> Links, IReadOnlyDictionary<(Side Side, string Id), MatchVerdict?> Verdicts);
