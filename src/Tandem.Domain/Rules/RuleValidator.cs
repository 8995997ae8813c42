using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Domain.Rules;

/// <summary>
/// Checks one side's rules against that side's schema when the configuration is saved, so a filter
/// naming an unknown field or holding a value the field can never have is reported then, in words,
/// rather than silently matching nothing during a sync.
/// </summary>
/// <remarks>
/// A rule with "gets deleted" must have an action: it never syncs anyone, it only acts on the deleted contact's
/// counterpart. "Already exists in the other app" next to "gets deleted" is accepted and changes nothing: it is
/// implied (a deleted contact's rule only ever acts on the contact it was linked to), so refusing it would only
/// make the user remove a condition that is true anyway.
/// </remarks>
public static class RuleValidator
{
    /// <param name="rules">The rules of one side.</param>
    /// <param name="schema">That side's schema (filters test its fields).</param>
    /// <param name="otherSchema">The other side's schema, to check the actions that set its fields; null to skip.</param>
    /// <param name="defaultRegion">The side's default phone region, for phone values in filters.</param>
    public static IReadOnlyList<RuleError> Validate(IReadOnlyList<Rule> rules, AppSchema schema, AppSchema? otherSchema = null, string? defaultRegion = null)
    {
        var errors = new List<RuleError>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var name = string.IsNullOrWhiteSpace(rule.Id) ? $"#{r + 1}" : rule.Id;
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                errors.Add(new RuleError(name, $"Rule {name} has no id."));
            }
            else if (!ids.Add(rule.Id))
            {
                errors.Add(new RuleError(name, $"Two rules are called “{name}”; give each rule its own id."));
            }

            for (var f = 0; f < rule.Filters.Count; f++)
            {
                if (CompiledFilter.Compile(rule.Filters[f], schema, defaultRegion, out var error) is null)
                {
                    errors.Add(new RuleError(name, $"Rule “{name}”, condition {f + 1}: {error}"));
                }
            }

            if (rule.Actions.Count == 0 && rule.Filters.Any(f => f.Kind == FilterKind.GetsDeleted))
            {
                errors.Add(new RuleError(name, $"Rule “{name}” is for contacts that get deleted: it never syncs a contact, so give it an action to run on the contact in the other app."));
            }

            for (var a = 0; a < rule.Actions.Count; a++)
            {
                if (ActionError(rule.Actions[a], otherSchema) is { } error)
                {
                    errors.Add(new RuleError(name, $"Rule “{name}”, action {a + 1}: {error}"));
                }
            }
        }

        return errors;
    }

    private static string? ActionError(RuleAction action, AppSchema? otherSchema)
    {
        switch (action.Kind)
        {
            case ActionKind.AddTag:
                return string.IsNullOrWhiteSpace(action.Value) ? "choose the tag to add." : null;
            case ActionKind.SetField when string.IsNullOrWhiteSpace(action.Field):
                return "choose the field to set.";
            case ActionKind.SetField when otherSchema is not null:
                var field = ResolvedField.Resolve(otherSchema, action.Field!);
                if (field is null)
                {
                    return $"the other app has no field '{action.Field}'.";
                }

                if (field.IsReadOnly)
                {
                    return $"“{field.Label}” is read-only in the other app.";
                }

                return string.IsNullOrWhiteSpace(action.Value) || FilterValues.Canonical(field, action.Value, null) is not null
                    ? null
                    : $"'{action.Value.Trim()}' is not a valid value for “{field.Label}”.";
            default:
                return null;
        }
    }
}
