using System.Globalization;
using Tandem.Connectors.Vocabulary;
using Tandem.Domain.Configuration;
using Tandem.Web.Services.Catalog;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>
/// The conditions and actions of a rule being edited, in the words of each app ("has label", "is in contact group"),
/// as its connector's vocabulary gives them; nothing here knows an app.
/// </summary>
public static class RuleWords
{
    /// <summary>The words a condition on <paramref name="source"/> reads as; null when the app does not offer its kind.</summary>
    public static RuleTerm<FilterKind>? TermOf(DraftStep<FilterKind> step, AppView source)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(source);
        return step.Term ?? source.Vocabulary.TermOf(step.Kind, step.Field, step.Value);
    }

    /// <summary>The words an action on <paramref name="target"/> reads as; null when the app does not offer its kind.</summary>
    public static RuleTerm<ActionKind>? TermOf(DraftStep<ActionKind> step, AppView target)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(target);
        return step.Term ?? target.Vocabulary.TermOf(step.Kind, step.Field, step.Value);
    }

    /// <summary>A term's phrase, with the name of the app on the rule's other side.</summary>
    public static string Phrase<TKind>(RuleTerm<TKind> term, AppView other)
        where TKind : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(other);
        return term.PhraseWith(other.DisplayName);
    }

    /// <summary>The option value of the term a step reads as: its place in <paramref name="terms"/>.</summary>
    public static string OptionOf<TKind>(IReadOnlyList<RuleTerm<TKind>> terms, RuleTerm<TKind>? term)
        where TKind : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.ToList().IndexOf(term!).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Makes a step say the term picked (by its option value): its kind, the field and value the term fixes; a field
    /// or value the term does not take is dropped, one it takes is kept.
    /// </summary>
    public static void Pick<TKind>(DraftStep<TKind> step, IReadOnlyList<RuleTerm<TKind>> terms, object? option)
        where TKind : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(terms);
        if (!int.TryParse(option?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= terms.Count)
        {
            return;
        }

        Take(step, terms[index]);
    }

    /// <summary>A new step saying the first of <paramref name="terms"/>.</summary>
    public static DraftStep<TKind> First<TKind>(IReadOnlyList<RuleTerm<TKind>> terms)
        where TKind : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(terms);
        var step = new DraftStep<TKind>();
        Take(step, terms[0]);
        return step;
    }

    private static void Take<TKind>(DraftStep<TKind> step, RuleTerm<TKind> term)
        where TKind : struct, Enum
    {
        step.Term = term;
        step.Kind = term.Kind;
        step.Field = term.Field ?? (term.TakesField ? step.Field : null);
        step.Value = term.Value ?? (term.TakesValue ? step.Value : null);
    }
}
