using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Domain.Rules;

/// <summary>Reads a field's entries for a filter and puts a filter's raw value in the same canonical form.</summary>
internal static class FilterValues
{
    /// <summary>
    /// The canonical form of <paramref name="raw"/> for comparing with <paramref name="field"/>'s entries, or
    /// null when the field could never hold it. Choice and owner values may be given by id or by label.
    /// </summary>
    public static string? Canonical(ResolvedField field, string raw, string? region)
    {
        var text = raw.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (Compatibility.IsChoice(field.Type))
        {
            if (field.Options.Count == 0 || field.Options.Any(o => o.Id == text))
            {
                return text;
            }

            return field.Options.FirstOrDefault(o => string.Equals(o.Label.Trim(), text, StringComparison.OrdinalIgnoreCase))?.Id;
        }

        if (field.Part == CompoundPart.Currency)
        {
            return text.Length == 3 && text.All(char.IsAsciiLetter) ? text.ToUpperInvariant() : null;
        }

        return Values.Create(field.Type, text, region)?.Text;
    }

    /// <summary>Calls <paramref name="test"/> on each entry of the field (each list item, each chosen option) until it returns true.</summary>
    public static bool Any<TState>(ResolvedField field, ContactRecord record, TState state, Func<string, TState, bool> test)
    {
        var value = record.Get(field.Field.Key);
        switch (value)
        {
            case null:
                return false;
            case ListValue list:
                foreach (var item in list.Items)
                {
                    if (test(item.Value.Text, state))
                    {
                        return true;
                    }
                }

                return false;
            case ScalarValue scalar when field.Part != CompoundPart.None:
                return Part(field.Part, scalar.Text) is { } part && test(part, state);
            case ScalarValue scalar when field.Type == FieldType.MultipleChoice:
                foreach (var option in Values.Parts(scalar))
                {
                    if (test(option, state))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return test(value.Canonical, state);
        }
    }

    private static string? Part(CompoundPart part, string text)
    {
        var cut = text.IndexOf(part == CompoundPart.Currency ? ' ' : '/', StringComparison.Ordinal);
        return cut < 0 ? null : part == CompoundPart.Start ? text[..cut] : text[(cut + 1)..];
    }
}
