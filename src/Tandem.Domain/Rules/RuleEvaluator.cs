using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Rules;

/// <summary>
/// Evaluates one side's rules (PRODUCT.md §1): a rule matches when the contact matches all of its filters;
/// the contact syncs when it matches any rule. Filters are compiled once; evaluation allocates nothing
/// unless rules match. A rule with "gets deleted" never matches a live contact; it is asked about only
/// through <see cref="MatchesDeleted"/>, with the last known state of a contact that was just deleted.
/// </summary>
public sealed class RuleEvaluator
{
    private readonly IReadOnlyList<Rule> rules;
    private readonly CompiledFilter[][] filters;
    private readonly bool[] onDeletion;
    private readonly Dictionary<Rule, int> indexOf = new(ReferenceEqualityComparer.Instance);

    /// <exception cref="RuleValidationException">The rules do not pass <see cref="RuleValidator.Validate"/>.</exception>
    public RuleEvaluator(IReadOnlyList<Rule> rules, AppSchema schema, string? defaultRegion = null)
    {
        var errors = RuleValidator.Validate(rules, schema, null, defaultRegion);
        if (errors.Count > 0)
        {
            throw new RuleValidationException(errors);
        }

        this.rules = rules;
        filters = new CompiledFilter[rules.Count][];
        onDeletion = new bool[rules.Count];
        for (var r = 0; r < rules.Count; r++)
        {
            indexOf.TryAdd(rules[r], r);
            filters[r] = rules[r].Filters.Select(f => CompiledFilter.Compile(f, schema, defaultRegion, out _)!).ToArray();
            onDeletion[r] = filters[r].Any(f => f.IsGetsDeleted);
        }
    }

    /// <summary>True when one of the rules holds "gets deleted".</summary>
    public bool HasDeletionRules => onDeletion.Contains(true);

    /// <summary>True when <paramref name="record"/> matches every filter of <paramref name="rule"/> (one of this evaluator's rules).</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="record">The contact on the rule's side.</param>
    /// <param name="hasCounterpart">Whether the contact is linked to a record in the other app (for "already existing in the other app").</param>
    public bool Matches(Rule rule, ContactRecord record, bool hasCounterpart) =>
        indexOf.TryGetValue(rule, out var index)
            ? MatchesAt(index, record, hasCounterpart)
            : throw new ArgumentException("The rule is not one of this evaluator's rules.", nameof(rule));

    /// <summary>
    /// True when <paramref name="rule"/> holds "gets deleted" and <paramref name="lastKnown"/>, the last known state
    /// of a contact just deleted on the rule's side, matches its other filters. "Already exists in the other app"
    /// holds: a deleted contact's rule only ever acts on its counterpart.
    /// </summary>
    public bool MatchesDeleted(Rule rule, ContactRecord lastKnown) =>
        indexOf.TryGetValue(rule, out var index)
            ? onDeletion[index] && MatchesAt(index, lastKnown, hasCounterpart: true, deleted: true)
            : throw new ArgumentException("The rule is not one of this evaluator's rules.", nameof(rule));

    /// <summary>True when <paramref name="record"/> matches at least one rule.</summary>
    public bool MatchesAny(ContactRecord record, bool hasCounterpart)
    {
        for (var r = 0; r < filters.Length; r++)
        {
            if (MatchesAt(r, record, hasCounterpart))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ids of the rules <paramref name="record"/> matches, in rule order; empty when it is excluded.</summary>
    public IReadOnlyList<string> MatchingRuleIds(ContactRecord record, bool hasCounterpart)
    {
        List<string>? ids = null;
        for (var r = 0; r < filters.Length; r++)
        {
            if (MatchesAt(r, record, hasCounterpart))
            {
                (ids ??= []).Add(rules[r].Id);
            }
        }

        return ids ?? (IReadOnlyList<string>)[];
    }

    private bool MatchesAt(int index, ContactRecord record, bool hasCounterpart, bool deleted = false)
    {
        foreach (var filter in filters[index])
        {
            if (!filter.Matches(record, hasCounterpart, deleted))
            {
                return false;
            }
        }

        return true;
    }
}
