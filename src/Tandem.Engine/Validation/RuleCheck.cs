using Tandem.Domain.Configuration;
using Tandem.Domain.Rules;

namespace Tandem.Engine.Validation;

/// <summary>
/// One side's rules against both apps: each condition must be one the side's app offers, each action one the other
/// app (where actions run) offers and may run there (never in a read-only app), and everything the Domain's
/// <see cref="RuleValidator"/> checks against the fields.
/// </summary>
internal static class RuleCheck
{
    public static void Add(Side side, IReadOnlyList<Rule> rules, ConnectionSide own, ConnectionSide other, List<string> errors)
    {
        var where = $"Rules of {own.AppName} (side {side})";
        var words = new RuleKindWords(own, other);
        var offered = own.Capabilities.Filters.Append(FilterKind.ExistsInOtherApp).Distinct().ToList();
        foreach (var rule in rules)
        {
            foreach (var filter in rule.Filters.Where(f => !offered.Contains(f.Kind)))
            {
                errors.Add($"{where}: rule “{rule.Id}” tests “{words.Filter(filter.Kind)}”, which {own.AppName} does not offer; it offers {List(offered.Select(words.Filter))}.");
            }

            if (other.Capabilities.IsReadOnly)
            {
                // A read-only app may still list actions it would take in a writable set-up; here nothing may be written.
                errors.AddRange(rule.Actions.Select(action =>
                    $"{where}: rule “{rule.Id}” runs “{words.Action(action.Kind)}” in {other.AppName}, which cannot be written to."));
                continue;
            }

            foreach (var action in rule.Actions.Where(x => !other.Capabilities.Actions.Contains(x.Kind)))
            {
                var offers = other.Capabilities.Actions.Count == 0 ? "" : $"; it offers {List(other.Capabilities.Actions.Select(words.Action))}";
                errors.Add($"{where}: rule “{rule.Id}” runs “{words.Action(action.Kind)}” in {other.AppName}, which {other.AppName} does not offer{offers}.");
            }
        }

        errors.AddRange(RuleValidator.Validate(rules, own.Schema, other.Schema, own.DefaultRegion).Select(e => $"{where}: {e.Message}"));
    }

    private static string List(IEnumerable<string> words) => string.Join(", ", words.Select(w => $"“{w}”"));
}
