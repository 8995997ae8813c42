using Tandem.Domain.Fields;

namespace Tandem.Web.Services.Fields;

/// <summary>One field of an account's contacts, standard or custom, with a real value to show beside it.</summary>
/// <param name="Key">The key mappings and rules use (compound parts end in <c>/Start</c>, <c>/End</c>, <c>/Currency</c>).</param>
/// <param name="Label">The name users see.</param>
/// <param name="Type">The value type (for a list, the type of its items).</param>
/// <param name="IsList">A multi-valued labelled list (emails, phones…).</param>
/// <param name="IsReadOnly">Only a source of mappings.</param>
/// <param name="IsCustom">A field the account's users added.</param>
/// <param name="Role">The well-known meaning of a standard field.</param>
/// <param name="Options">The options of a choice field.</param>
/// <param name="Preview">A value of this field from one of the account's contacts, or null when none of the first contacts has one.</param>
public sealed record FieldView(
    string Key,
    string Label,
    FieldType Type,
    bool IsList,
    bool IsReadOnly,
    bool IsCustom,
    FieldRole Role,
    IReadOnlyList<ChoiceOption> Options,
    string? Preview);
