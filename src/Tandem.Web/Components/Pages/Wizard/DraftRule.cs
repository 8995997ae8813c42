using Tandem.Connectors.Vocabulary;
using Tandem.Domain.Configuration;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>A rule being edited: IF all its conditions hold THEN the contact syncs and its actions run on the other side.</summary>
public sealed class DraftRule
{
    public string Id { get; set; } = "rule-" + Guid.NewGuid().ToString("N")[..8];

    public List<DraftStep<FilterKind>> Conditions { get; } = [];

    public List<DraftStep<ActionKind>> Actions { get; } = [];

    public bool UndoWhenLeaving { get; set; }

    public Rule ToRule() => new()
    {
        Id = Id,
        Filters = Conditions.Select(c => new Filter(c.Kind, Blank(c.Field), Blank(c.Value))).ToList(),
        Actions = Actions.Select(a => new RuleAction(a.Kind, Blank(a.Field), Blank(a.Value))).ToList(),
        UndoWhenLeaving = UndoWhenLeaving,
    };

    public static DraftRule From(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var draft = new DraftRule { Id = rule.Id, UndoWhenLeaving = rule.UndoWhenLeaving };
        draft.Conditions.AddRange(rule.Filters.Select(f => new DraftStep<FilterKind> { Kind = f.Kind, Field = f.Field, Value = f.Value }));
        draft.Actions.AddRange(rule.Actions.Select(a => new DraftStep<ActionKind> { Kind = a.Kind, Field = a.Field, Value = a.Value }));
        return draft;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One condition or action of a rule being edited.</summary>
public sealed class DraftStep<TKind>
    where TKind : struct, Enum
{
    public TKind Kind { get; set; }

    /// <summary>
    /// The app's words the user picked for it ("is owned by" rather than "a field is"); null for a step read from a
    /// stored rule, which reads as the term its kind, field and value fit.
    /// </summary>
    public RuleTerm<TKind>? Term { get; set; }

    public string? Field { get; set; }

    public string? Value { get; set; }
}
