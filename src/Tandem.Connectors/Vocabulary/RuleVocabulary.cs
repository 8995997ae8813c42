using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Vocabulary;

/// <summary>
/// An app's filters and actions in its own words (PRODUCT.md §2: Google's "is in contact group", Pipedrive's "has no
/// deals"), in the order the wizard offers them. A connector states it on its descriptor; an app that does not gets
/// <see cref="Standard"/>. The wizard, and anything else that phrases a rule, reads it from there.
/// </summary>
/// <param name="Filters">What a rule on this app's side can test, "already exists in the other app" included.</param>
/// <param name="Actions">What a rule of the other side can do to this app's contacts.</param>
public sealed record RuleVocabulary(IReadOnlyList<RuleTerm<FilterKind>> Filters, IReadOnlyList<RuleTerm<ActionKind>> Actions)
{
    /// <summary>Stands for the other app's name in a phrase ("already exists in {other}").</summary>
    public const string OtherApp = "{other}";

    /// <summary>
    /// The standard words for what <paramref name="capabilities"/> offer, in their order, tags named after
    /// <see cref="ConnectorCapabilities.TagContainer"/> ("labels": "has label"), and "already exists in the other app" last.
    /// </summary>
    public static RuleVocabulary Standard(ConnectorCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return new(
            [.. capabilities.Filters.Append(FilterKind.ExistsInOtherApp).Distinct().Select(k => StandardTerms.Filter(k, capabilities.TagContainer))],
            [.. capabilities.Actions.Distinct().Select(k => StandardTerms.Action(k, capabilities.TagContainer))]);
    }

    /// <summary>This vocabulary with the general term of <paramref name="kind"/> in other words.</summary>
    public RuleVocabulary Saying(FilterKind kind, string phrase) => this with { Filters = Reword(Filters, kind, phrase) };

    /// <summary>This vocabulary with the general term of <paramref name="kind"/> in other words.</summary>
    public RuleVocabulary Saying(ActionKind kind, string phrase) => this with { Actions = Reword(Actions, kind, phrase) };

    /// <summary>This vocabulary with a named term, offered after the other terms of its kind.</summary>
    public RuleVocabulary Adding(RuleTerm<FilterKind> term) => this with { Filters = Add(Filters, term) };

    /// <summary>This vocabulary with a named term, offered after the other terms of its kind.</summary>
    public RuleVocabulary Adding(RuleTerm<ActionKind> term) => this with { Actions = Add(Actions, term) };

    /// <summary>How a filter reads: its named term when one fits its field and value, else its kind's general term; null when the app does not offer the kind.</summary>
    public RuleTerm<FilterKind>? TermOf(FilterKind kind, string? field, string? value) => Find(Filters, kind, field, value);

    /// <summary>How an action reads: its named term when one fits its field and value, else its kind's general term; null when the app does not offer the kind.</summary>
    public RuleTerm<ActionKind>? TermOf(ActionKind kind, string? field, string? value) => Find(Actions, kind, field, value);

    private static RuleTerm<T>? Find<T>(IReadOnlyList<RuleTerm<T>> terms, T kind, string? field, string? value)
        where T : struct, Enum =>
        terms.FirstOrDefault(t => t.IsNamed && t.Describes(kind, field, value)) ?? terms.FirstOrDefault(t => !t.IsNamed && t.Describes(kind, field, value));

    private static List<RuleTerm<T>> Reword<T>(IReadOnlyList<RuleTerm<T>> terms, T kind, string phrase)
        where T : struct, Enum
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        var index = IndexOfGeneral(terms, kind);
        return index < 0
            ? throw new ArgumentException($"The vocabulary does not offer {kind}; add it to the app's capabilities first.", nameof(kind))
            : [.. terms.Select((t, i) => i == index ? t with { Phrase = phrase } : t)];
    }

    private static List<RuleTerm<T>> Add<T>(IReadOnlyList<RuleTerm<T>> terms, RuleTerm<T> term)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(term);
        if (!term.IsNamed)
        {
            throw new ArgumentException("Only a named term (one with a fixed field) is added; reword a kind's general term with Saying.", nameof(term));
        }

        if (IndexOfGeneral(terms, term.Kind) < 0)
        {
            throw new ArgumentException($"The vocabulary does not offer {term.Kind}; add it to the app's capabilities first.", nameof(term));
        }

        var list = terms.ToList();
        list.Insert(list.FindLastIndex(t => Same(t.Kind, term.Kind)) + 1, term);
        return list;
    }

    private static int IndexOfGeneral<T>(IReadOnlyList<RuleTerm<T>> terms, T kind)
        where T : struct, Enum =>
        terms.ToList().FindIndex(t => !t.IsNamed && Same(t.Kind, kind));

    private static bool Same<T>(T a, T b)
        where T : struct, Enum => EqualityComparer<T>.Default.Equals(a, b);
}
