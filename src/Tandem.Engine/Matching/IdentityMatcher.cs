using Tandem.Domain.Configuration;

namespace Tandem.Engine.Matching;

/// <summary>
/// Decides which unlinked records are one person. Records are tied together when they share any key
/// (every email a contact has, not only its primary one); a group of tied records is linked only when it
/// is exactly one unlinked record on each side. Any other group — a twin on one side, a key already held
/// by a linked contact, a chain (A has x,y; B has y,z; C has z) — is reported, never guessed
/// (SYNC-INVARIANTS 19). Kinds of key are tried in the user's order of precedence: a record a kind could
/// not decide (no key of that kind, or nobody shares it) goes on to the next kind; a reported one stops.
/// </summary>
public static class IdentityMatcher
{
    public static MatchOutcome Match(IReadOnlyList<KeyHolder> holders, IReadOnlyList<string> kindsInOrder)
    {
        var links = new List<(string AId, string BId)>();
        var verdicts = new Dictionary<(Side Side, string Id), MatchVerdict?>();
        var linked = holders.Select(h => h.Linked).ToArray();
        var reported = new bool[holders.Count];
        foreach (var holder in holders.Where(h => !h.Linked))
        {
            verdicts[(holder.Side, holder.Id)] = null;
        }

        bool Active(int i) => !linked[i] && !reported[i];
        foreach (var kind in kindsInOrder)
        {
            var byKey = HoldersByKey(holders, kind, Active);
            foreach (var group in Groups(holders.Count, byKey))
            {
                if (!group.Any(Active) || group.Count == 1)
                {
                    continue;
                }

                if (group is [var first, var second] && Active(first) && Active(second) && holders[first].Side != holders[second].Side)
                {
                    var (a, b) = holders[first].Side == Side.A ? (first, second) : (second, first);
                    links.Add((holders[a].Id, holders[b].Id));
                    linked[a] = linked[b] = true;
                    continue;
                }

                foreach (var member in group.Where(Active).ToList())
                {
                    verdicts[(holders[member].Side, holders[member].Id)] = Verdict(holders, member, group.Count, kind, byKey, linked);
                    reported[member] = true;
                }
            }
        }

        foreach (var pair in links)
        {
            verdicts.Remove((Side.A, pair.AId));
            verdicts.Remove((Side.B, pair.BId));
        }

        return new MatchOutcome(links, verdicts);
    }

    // Only keys that some still undecided record holds tie records together.
    private static Dictionary<string, List<int>> HoldersByKey(IReadOnlyList<KeyHolder> holders, string kind, Func<int, bool> active)
    {
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < holders.Count; i++)
        {
            foreach (var key in holders[i].Keys.Where(k => MatchKey.KindOf(k) == kind).Distinct(StringComparer.Ordinal))
            {
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (var key in byKey.Where(e => !e.Value.Any(active)).Select(e => e.Key).ToList())
        {
            byKey.Remove(key);
        }

        return byKey;
    }

    // Connected groups of holders, through shared keys (union-find).
    private static IEnumerable<List<int>> Groups(int count, Dictionary<string, List<int>> byKey)
    {
        var parent = Enumerable.Range(0, count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var members = new SortedSet<int>();
        foreach (var list in byKey.Values)
        {
            members.UnionWith(list);
            foreach (var other in list.Skip(1))
            {
                parent[Find(other)] = Find(list[0]);
            }
        }

        return members.GroupBy(Find).Select(g => g.ToList());
    }

    private static MatchVerdict Verdict(IReadOnlyList<KeyHolder> holders, int member, int groupSize, string kind, Dictionary<string, List<int>> byKey, bool[] linked)
    {
        var me = holders[member];
        var sharers = me.Keys.Where(byKey.ContainsKey).SelectMany(k => byKey[k]).Distinct().ToList();
        var sameSide = sharers.Count(i => holders[i].Side == me.Side);
        if (sameSide > 1)
        {
            return new MatchVerdict(MatchIssue.SameSideTwin, kind, sameSide);
        }

        return sharers.Any(i => holders[i].Side != me.Side && linked[i])
            ? new MatchVerdict(MatchIssue.HeldByLinked, kind, 1)
            : new MatchVerdict(MatchIssue.Undecidable, kind, groupSize);
    }
}
