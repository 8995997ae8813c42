using System.Collections.Immutable;

namespace Tandem.Domain.Fields;

/// <summary>
/// A multi-valued labelled list (emails, phones, addresses, URLs). The first item is the primary one.
/// Comparison ignores order: two lists are equal when they hold the same (label, value) entries.
/// </summary>
public sealed class ListValue : FieldValue
{
    private string? canonical;

    public ListValue(FieldType itemType, ImmutableArray<LabelledValue> items)
    {
        if (items.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A list value holds at least one item; an empty list is an absent value.", nameof(items));
        }

        Type = itemType;
        Items = items;
    }

    public override FieldType Type { get; }

    public ImmutableArray<LabelledValue> Items { get; }

    /// <summary>The primary (first) entry's value.</summary>
    public ScalarValue Primary => Items[0].Value;

    public override string Canonical => canonical ??= string.Join("\u001E", Items.Select(i => i.Canonical).Order(StringComparer.Ordinal));

    /// <summary>
    /// The entries as they travel to the other app: the primary entry first, then the others in canonical
    /// order, so a write can keep the source's primary entry primary. Compare with <see cref="Unordered"/>.
    /// </summary>
    public string PrimaryFirst => Items.Length == 1 ? Canonical : Items[0].Canonical + "\u001E" + string.Join("\u001E", Items.Skip(1).Select(i => i.Canonical).Order(StringComparer.Ordinal));

    /// <summary>A shared list text with its entries in canonical order: two lists are the same when these agree, whichever entry is primary.</summary>
    public static string? Unordered(string? shared) =>
        shared is null || !shared.Contains('\u001E', StringComparison.Ordinal) ? shared : string.Join("\u001E", shared.Split('\u001E').Order(StringComparer.Ordinal));
}
