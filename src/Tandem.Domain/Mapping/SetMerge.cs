using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// The three-way merge of a set-valued row (<see cref="MappingRow.IsSet"/>), element by element: each side's set is
/// compared with its own baseline, so a tag added on one side and another removed on the other both hold; only one
/// element changed both ways (added on one side, removed on the other) is a conflict, settled by the winning app.
/// Without a baseline (first match) the sets are united: a first sync adds what is missing and never removes.
/// An element the sides held differently at the last sync and neither changed since stays as it is.
/// </summary>
public static class SetMerge
{
    /// <summary>The elements of a shared set value (null: the empty set), compared by <paramref name="comparer"/> (ordinal when null).</summary>
    public static IReadOnlySet<string> Elements(string? shared, StringComparer? comparer = null) =>
        shared is null ? new HashSet<string>(comparer ?? StringComparer.Ordinal) : new HashSet<string>(shared.Split(Values.PartSeparator), comparer ?? StringComparer.Ordinal);

    /// <param name="a">Side A's shared value now.</param>
    /// <param name="b">Side B's shared value now.</param>
    /// <param name="baseline">Each side's shared value at the last sync, or null at first match.</param>
    /// <param name="enteringA">Side A just entered its rules: every element it holds differently counts as its change.</param>
    /// <param name="enteringB">Side B just entered its rules.</param>
    /// <param name="winner">The side that settles conflicts.</param>
    /// <param name="comparer">How elements compare (<see cref="MappingRow.SetComparer"/>); ordinal when null.</param>
    /// <returns>A decision for every element the sides hold differently and one of them changed, in ordinal order.</returns>
    public static IReadOnlyList<SetDecision> Merge(string? a, string? b, (string? A, string? B)? baseline, bool enteringA, bool enteringB, Side winner, StringComparer? comparer = null)
    {
        var inA = Elements(a, comparer);
        var inB = Elements(b, comparer);
        var baseA = Elements(baseline?.A, comparer);
        var baseB = Elements(baseline?.B, comparer);
        var decisions = new List<SetDecision>();
        foreach (var element in inA.Union(inB).Order(StringComparer.Ordinal))
        {
            var heldA = inA.Contains(element);
            var heldB = inB.Contains(element);
            if (heldA == heldB)
            {
                continue;
            }

            if (baseline is null)
            {
                decisions.Add(new SetDecision(element, heldA ? Side.A : Side.B, Present: true, Conflict: false));
                continue;
            }

            var changedA = enteringA || heldA != baseA.Contains(element);
            var changedB = enteringB || heldB != baseB.Contains(element);
            if (changedA && changedB)
            {
                decisions.Add(new SetDecision(element, winner, winner == Side.A ? heldA : heldB, Conflict: true));
            }
            else if (changedA || changedB)
            {
                decisions.Add(new SetDecision(element, changedA ? Side.A : Side.B, changedA ? heldA : heldB, Conflict: false));
            }
        }

        return decisions;
    }

    /// <summary>The shared value <paramref name="current"/> becomes once <paramref name="decisions"/> are applied to it.</summary>
    public static string? Apply(string? current, IEnumerable<SetDecision> decisions, StringComparer? comparer = null)
    {
        var set = new SortedSet<string>(Elements(current, comparer), comparer ?? StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            _ = decision.Present ? set.Add(decision.Element) : set.Remove(decision.Element);
        }

        return set.Count == 0 ? null : string.Join(Values.PartSeparator, set);
    }
}
