using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Rules;

namespace Tandem.Engine.Planning;

/// <summary>Matches records against the rules of each side of a connection, compiled once per run.</summary>
public sealed class SettingsRuleMatcher : IRuleMatcher
{
    private readonly ConnectionSettings settings;
    private readonly RuleEvaluator a;
    private readonly RuleEvaluator b;

    public SettingsRuleMatcher(ConnectionSettings settings, AppSchema schemaA, AppSchema schemaB)
    {
        this.settings = settings;
        a = new RuleEvaluator(settings.RulesA, schemaA);
        b = new RuleEvaluator(settings.RulesB, schemaB);
    }

    public IReadOnlyList<Rule> Match(Side side, ContactRecord record, bool hasCounterpart)
    {
        var evaluator = side == Side.A ? a : b;
        var rules = settings.RulesOf(side);
        List<Rule>? matched = null;
        foreach (var rule in rules)
        {
            if (evaluator.Matches(rule, record, hasCounterpart))
            {
                (matched ??= []).Add(rule);
            }
        }

        return matched ?? (IReadOnlyList<Rule>)[];
    }

    public IReadOnlyList<Rule> MatchDeleted(Side side, ContactRecord lastKnown)
    {
        var evaluator = side == Side.A ? a : b;
        if (!evaluator.HasDeletionRules)
        {
            return [];
        }

        return [.. settings.RulesOf(side).Where(rule => evaluator.MatchesDeleted(rule, lastKnown))];
    }
}
