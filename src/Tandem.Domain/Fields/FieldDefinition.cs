namespace Tandem.Domain.Fields;

/// <summary>One field of an app's contact schema, standard or custom.</summary>
/// <param name="Key">The app's stable key for the field (for Pipedrive custom fields, the 40-character hash).</param>
/// <param name="Label">The name users see.</param>
/// <param name="Type">The value type (for a list, the type of its items).</param>
public sealed record FieldDefinition(string Key, string Label, FieldType Type)
{
    /// <summary>True for multi-valued labelled lists (emails, phones, addresses, URLs).</summary>
    public bool IsList { get; init; }

    /// <summary>A read-only field can only be a source of a mapping.</summary>
    public bool IsReadOnly { get; init; }

    public bool IsCustom { get; init; }

    /// <summary>The options of a choice field; empty otherwise.</summary>
    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    /// <summary>The well-known meaning of a standard field, used for default mappings and name join/split.</summary>
    public FieldRole Role { get; init; } = FieldRole.None;

    /// <summary>
    /// For a tags field: the app treats names differing only in case as one tag ("VIP" and "vip"), so a mapping with it
    /// compares tags without case (<see cref="TagsField"/>).
    /// </summary>
    public bool IgnoresCase { get; init; }
}
