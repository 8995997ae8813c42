using Tandem.Formats.VCard.Cards;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>Adds and removes CATEGORIES values; a card whose categories do not change is not touched.</summary>
internal static class TagWriter
{
    public static void Apply(VCardCard card, IEnumerable<string> add, IEnumerable<string> remove)
    {
        var current = card.FindAll("CATEGORIES").SelectMany(p => VCardContactReader.CategoryList(p.RawValue)).Distinct(StringComparer.Ordinal).ToList();
        var removed = remove.Select(t => t.Trim()).ToHashSet(StringComparer.Ordinal);
        var updated = current.Where(t => !removed.Contains(t)).ToList();
        foreach (var tag in add.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            if (!updated.Contains(tag, StringComparer.Ordinal))
            {
                updated.Add(tag);
            }
        }

        if (updated.ToHashSet(StringComparer.Ordinal).SetEquals(current))
        {
            return;
        }

        if (updated.Count == 0)
        {
            card.RemoveAll("CATEGORIES");
            return;
        }

        var value = string.Join(',', updated.Select(VCardText.Escape));
        var first = card.Find("CATEGORIES");
        card.RemoveAll("CATEGORIES");
        card.Properties.Add(first?.WithValue(value) ?? new VCardProperty(null, "CATEGORIES", [], value));
    }
}
