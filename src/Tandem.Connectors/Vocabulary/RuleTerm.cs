namespace Tandem.Connectors.Vocabulary;

/// <summary>
/// One filter (IF) or action (THEN) as the app words it: the kind it stands for, the phrase the user reads, and what
/// the user fills in. A named term fixes the field, and maybe the value, of a general kind: Pipedrive's "has no deals"
/// is <c>FieldEquals</c> on its deal count with the value 0.
/// </summary>
/// <typeparam name="TKind"><see cref="Domain.Configuration.FilterKind"/> or <see cref="Domain.Configuration.ActionKind"/>.</typeparam>
/// <param name="Kind">What the engine runs.</param>
/// <param name="Phrase">The words, completing "IF the contact …" or "THEN …"; <see cref="RuleVocabulary.OtherApp"/> stands for the other app's name.</param>
public sealed record RuleTerm<TKind>(TKind Kind, string Phrase)
    where TKind : struct, Enum
{
    /// <summary>The field this term always tests or sets (a named term); null when the user picks one, or none is needed.</summary>
    public string? Field { get; init; }

    /// <summary>The value this term always uses ("0" for "has no deals"); null when the user enters one, or none is needed.</summary>
    public string? Value { get; init; }

    /// <summary>The user picks the field.</summary>
    public bool TakesField { get; init; }

    /// <summary>The user enters a value (a tag, a field's value, an owner).</summary>
    public bool TakesValue { get; init; }

    /// <summary>What the value box asks for ("labels", "user id"), or null for a plain value.</summary>
    public string? ValueHint { get; init; }

    /// <summary>True when the term fixes a field (Pipedrive's "is owned by"), rather than standing for its whole kind.</summary>
    public bool IsNamed => Field is not null;

    /// <summary>The phrase with the other app's name in place.</summary>
    public string PhraseWith(string otherApp) => Phrase.Replace(RuleVocabulary.OtherApp, otherApp, StringComparison.Ordinal);

    /// <summary>Whether a stored filter or action of this kind, field and value reads as this term.</summary>
    public bool Describes(TKind kind, string? field, string? value) =>
        EqualityComparer<TKind>.Default.Equals(kind, Kind)
        && (!IsNamed || (string.Equals(field, Field, StringComparison.Ordinal) && (Value is null || string.Equals(value, Value, StringComparison.Ordinal))));
}
