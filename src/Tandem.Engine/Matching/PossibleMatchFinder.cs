using Tandem.Domain.Configuration;

namespace Tandem.Engine.Matching;

/// <summary>
/// After <see cref="IdentityMatcher"/>: records it left unlinked with nothing against them (no shared key)
/// that share a likeness key with such a record on the other side — the same name and the same phone number or
/// company — are proposed to the user instead of being created, unless the user kept that pair apart. Every
/// record in a proposed pair gets the <see cref="MatchIssue.PossibleMatch"/> verdict, so planning holds it.
/// </summary>
public static class PossibleMatchFinder
{
    public static (IReadOnlyList<PossibleMatchPair> Pairs, IReadOnlyDictionary<(Side Side, string Id), MatchVerdict?> Verdicts) Find(
        IReadOnlyList<KeyHolder> holders, MatchOutcome outcome, IReadOnlySet<(string AId, string BId)> keptApart)
    {
        var linkedNow = outcome.Links.SelectMany(l => new[] { (Side.A, l.AId), (Side.B, l.BId) }).ToHashSet();
        var open = holders.Where(h => !h.Linked && !linkedNow.Contains((h.Side, h.Id)) && outcome.Verdicts.TryGetValue((h.Side, h.Id), out var v) && v is null);
        var byKey = new SortedDictionary<string, (List<string> A, List<string> B)>(StringComparer.Ordinal);
        foreach (var holder in open)
        {
            foreach (var key in holder.Keys.Where(k => MatchKey.KindOf(k) == MatchKey.LikenessKind).Distinct(StringComparer.Ordinal))
            {
                if (!byKey.TryGetValue(key, out var sides))
                {
                    byKey[key] = sides = ([], []);
                }

                (holder.Side == Side.A ? sides.A : sides.B).Add(holder.Id);
            }
        }

        var pairs = new List<PossibleMatchPair>();
        var seen = new HashSet<(string, string)>();
        foreach (var (key, (a, b)) in byKey)
        {
            foreach (var pair in a.SelectMany(aId => b.Select(bId => (aId, bId))))
            {
                if (!keptApart.Contains(pair) && seen.Add(pair))
                {
                    pairs.Add(new PossibleMatchPair(pair.aId, pair.bId, key));
                }
            }
        }

        var verdicts = new Dictionary<(Side Side, string Id), MatchVerdict?>(outcome.Verdicts);
        foreach (var group in pairs.Select(p => (Side.A, p.AId)).Concat(pairs.Select(p => (Side.B, p.BId))).GroupBy(r => r))
        {
            verdicts[group.Key] = new MatchVerdict(MatchIssue.PossibleMatch, MatchKey.LikenessKind, group.Count() + 1);
        }

        return (pairs, verdicts);
    }
}
