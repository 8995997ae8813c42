using System.Collections.Immutable;
using Tandem.Domain.Fields;
using Tandem.Formats.VCard.Cards;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>
/// The card's own <c>X-</c> properties as one labelled list: each entry is labelled with the property's name (upper
/// case, as vCard names are case-insensitive) and holds its text. Left out: properties in a group (Apple's
/// <c>item1.X-ABLabel</c> belongs to another property of its group) and the <c>X-</c> properties other fields own.
/// Writing keeps an entry that did not change exactly as it was (parameters included) and adds new ones plainly.
/// </summary>
internal static class CustomProperties
{
    private static readonly ImmutableHashSet<string> Owned = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-SOCIALPROFILE", "X-ABLABEL", "X-ABUID");

    public static ListValue? Read(VCardCard card)
    {
        var items = Items(card).Select(i => i.Value).ToImmutableArray();
        return items.IsEmpty ? null : new ListValue(FieldType.Text, items);
    }

    public static void Write(VCardCard card, ListValue? list)
    {
        var existing = Items(card);
        var kept = new HashSet<VCardProperty>(ReferenceEqualityComparer.Instance);
        var added = new List<VCardProperty>();
        foreach (var item in list?.Items ?? [])
        {
            if (!IsCustomName(item.Label))
            {
                continue;
            }

            var match = existing.Find(e => !kept.Contains(e.Property) && e.Value == item);
            if (match is not null)
            {
                kept.Add(match.Property);
            }
            else
            {
                added.Add(new VCardProperty(null, item.Label.ToUpperInvariant(), [], VCardText.Escape(item.Value.Text)));
            }
        }

        var owned = existing.Select(e => e.Property).ToHashSet(ReferenceEqualityComparer.Instance);
        card.Properties.RemoveAll(p => owned.Contains(p) && !kept.Contains(p));
        card.Properties.AddRange(added);
    }

    // A name vCard allows for an extension property: X- then letters, digits and hyphens.
    private static bool IsCustomName(string name) =>
        name.Length > 2 && name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && !Owned.Contains(name)
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static List<ListFieldItem> Items(VCardCard card)
    {
        var items = new List<ListFieldItem>();
        foreach (var property in card.Properties)
        {
            if (property.Group is null && IsCustomName(property.Name)
                && Values.Create(FieldType.Text, VCardText.Unescape(property.RawValue)) is { } value)
            {
                items.Add(new ListFieldItem(property, new LabelledValue(property.Name.ToUpperInvariant(), value), 0));
            }
        }

        return items;
    }
}
