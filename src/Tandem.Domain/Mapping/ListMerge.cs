using System.Collections.Immutable;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// Writes a shared list (canonical form: entries "label U+001F value" joined by U+001E) into a target
/// list, matching entries by label and value, never by position (PRODUCT.md §5):
/// <list type="number">
/// <item>an entry with the same label and value stays where it is;</item>
/// <item>an entry with the same value and another label stays where it is and takes the new label
/// (the value is what identifies an entry; a label is a description of it);</item>
/// <item>an entry with the same label and another value stays where it is with the new value (the work
/// email that changed keeps being the primary one);</item>
/// <item>other target entries are removed; new entries are appended in the shared order;</item>
/// <item>the shared list's first entry (the source's primary one) is moved first, so the target keeps
/// the source's primary entry primary.</item>
/// </list>
/// The result holds exactly the shared entries, so reading it back gives the shared value.
/// </summary>
internal static class ListMerge
{
    public const char EntrySeparator = '\u001E';

    public static ListValue Merge(FieldType itemType, ListValue? current, string shared, string? region)
    {
        var wanted = Parse(shared);
        var primary = wanted[0];
        var existing = current?.Items ?? ImmutableArray<LabelledValue>.Empty;
        var slots = new LabelledValue?[existing.Length];

        Match(existing, slots, wanted, (have, want) => have.Label == want.Label && have.Value.Text == want.Value, region, keepValue: true);
        Match(existing, slots, wanted, (have, want) => have.Value.Text == want.Value, region, keepValue: true);
        Match(existing, slots, wanted, (have, want) => have.Label == want.Label, region, keepValue: false);

        var builder = ImmutableArray.CreateBuilder<LabelledValue>(wanted.Count + existing.Length);
        foreach (var slot in slots)
        {
            if (slot is not null)
            {
                builder.Add(slot);
            }
        }

        foreach (var (label, value) in wanted)
        {
            builder.Add(new LabelledValue(label, Values.Create(itemType, value, region)
                ?? throw new ArgumentException($"'{value}' is not a valid {itemType} value.", nameof(shared))));
        }

        var first = IndexOf(builder, e => e.Label == primary.Label && e.Value.Text == primary.Value) is var exact and >= 0
            ? exact
            : IndexOf(builder, e => e.Value.Text == primary.Value);
        if (first > 0)
        {
            var entry = builder[first];
            builder.RemoveAt(first);
            builder.Insert(0, entry);
        }

        return new ListValue(itemType, builder.ToImmutable());
    }

    private static int IndexOf(ImmutableArray<LabelledValue>.Builder entries, Func<LabelledValue, bool> matches)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (matches(entries[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The (label, value) entries of a shared list text.</summary>
    public static List<(string Label, string Value)> Parse(string shared)
    {
        var entries = new List<(string, string)>();
        foreach (var entry in shared.Split(EntrySeparator))
        {
            var cut = entry.IndexOf(Values.PartSeparator, StringComparison.Ordinal);
            entries.Add(cut < 0 ? (string.Empty, entry) : (entry[..cut], entry[(cut + 1)..]));
        }

        return entries;
    }

    private static void Match(
        ImmutableArray<LabelledValue> existing,
        LabelledValue?[] slots,
        List<(string Label, string Value)> wanted,
        Func<LabelledValue, (string Label, string Value), bool> matches,
        string? region,
        bool keepValue)
    {
        for (var i = 0; i < existing.Length; i++)
        {
            if (slots[i] is not null)
            {
                continue;
            }

            var have = existing[i];
            var found = wanted.FindIndex(want => matches(have, want));
            if (found < 0)
            {
                continue;
            }

            var (label, value) = wanted[found];
            wanted.RemoveAt(found);
            slots[i] = keepValue
                ? (have.Label == label ? have : have with { Label = label })
                : new LabelledValue(label, Values.Create(have.Value.Type, value, region)
                    ?? throw new ArgumentException($"'{value}' is not a valid {have.Value.Type} value.", nameof(wanted)));
        }
    }
}
