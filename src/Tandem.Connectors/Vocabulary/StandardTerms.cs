using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Vocabulary;

/// <summary>The words of each kind for an app that does not say otherwise, its tags named after where they live ("has label").</summary>
public static class StandardTerms
{
    /// <summary>The standard term of a filter kind; <paramref name="tagContainer"/> is where the app keeps tags ("labels"), or null.</summary>
    public static RuleTerm<FilterKind> Filter(FilterKind kind, string? tagContainer)
    {
        var tag = Singular(tagContainer);
        var hint = tagContainer ?? "tag";
        return kind switch
        {
            FilterKind.FieldEquals => new(kind, "a field is") { TakesField = true, TakesValue = true },
            FilterKind.FieldNotEquals => new(kind, "a field is not") { TakesField = true, TakesValue = true },
            FilterKind.FieldContains => new(kind, "a field contains") { TakesField = true, TakesValue = true },
            FilterKind.FieldIsEmpty => new(kind, "a field is empty") { TakesField = true },
            FilterKind.FieldIsNotEmpty => new(kind, "a field is not empty") { TakesField = true },
            FilterKind.HasTag => new(kind, $"has {tag}") { TakesValue = true, ValueHint = hint },
            FilterKind.HasNotTag => new(kind, $"does not have {tag}") { TakesValue = true, ValueHint = hint },
            FilterKind.ExistsInOtherApp => new(kind, $"already exists in {RuleVocabulary.OtherApp} (update only, never create)"),
            FilterKind.IsSubscribed => new(kind, "is subscribed"),
            FilterKind.IsUnsubscribed => new(kind, "is unsubscribed"),
            FilterKind.GetsDeleted => new(kind, $"gets deleted (the actions then run on the contact in {RuleVocabulary.OtherApp}; never creates or updates)"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No standard words for this filter."),
        };
    }

    /// <summary>The standard term of an action kind; <paramref name="tagContainer"/> is where the app keeps tags ("labels"), or null.</summary>
    public static RuleTerm<ActionKind> Action(ActionKind kind, string? tagContainer) => kind switch
    {
        ActionKind.AddTag => new(kind, $"add {Singular(tagContainer)}") { TakesValue = true, ValueHint = tagContainer ?? "tag" },
        ActionKind.SetField => new(kind, "set a field to") { TakesField = true, TakesValue = true },
        ActionKind.Unsubscribe => new(kind, "unsubscribe"),
        ActionKind.Subscribe => new(kind, "subscribe (only new contacts and those who never subscribed)"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No standard words for this action."),
    };

    /// <summary>"labels" → "label", "CATEGORIES" → "category"; null → "tag".</summary>
    public static string Singular(string? container) => container?.ToLowerInvariant() switch
    {
        null => "tag",
        var c when c.EndsWith("ies", StringComparison.Ordinal) => c[..^3] + "y",
        var c when c.EndsWith('s') => c[..^1],
        var c => c,
    };
}
