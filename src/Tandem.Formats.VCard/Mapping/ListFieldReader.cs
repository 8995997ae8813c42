using System.Collections.Immutable;
using System.Globalization;
using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>Reads a repeated property (EMAIL, TEL, URL, ADR) as a labelled list, most preferred first.</summary>
internal static class ListFieldReader
{
    /// <summary>The items in reading order: by preference (PREF=n, TYPE=pref), then file order.</summary>
    public static List<ListFieldItem> Items(VCardCard card, ListFieldSpec spec, string? defaultRegion)
    {
        var items = new List<ListFieldItem>();
        foreach (var property in card.FindAll(spec.PropertyName))
        {
            var value = spec.ReadValue(property, defaultRegion);
            if (value is not null)
            {
                items.Add(new ListFieldItem(property, new LabelledValue(spec.ReadLabel(property, card), value), Rank(property)));
            }
        }

        // OrderBy is stable: equal ranks keep file order.
        return items.OrderBy(i => i.Rank).ToList();
    }

    public static ListValue? Read(VCardCard card, ListFieldSpec spec, string? defaultRegion)
    {
        var items = Items(card, spec, defaultRegion);
        return items.Count == 0 ? null : new ListValue(spec.ItemType, [.. items.Select(i => i.Value)]);
    }

    /// <summary>1 to 100 from PREF (4.0), 1 for TYPE=pref (3.0), else after every preferred one.</summary>
    public static int Rank(VCardProperty property)
    {
        var pref = property.ParameterValues("PREF").FirstOrDefault();
        if (pref is not null && int.TryParse(pref, NumberStyles.None, CultureInfo.InvariantCulture, out var rank))
        {
            return Math.Clamp(rank, 1, 100);
        }

        return property.ParameterValues("TYPE").SelectMany(v => v.Split(',')).Any(IsPref) ? 1 : int.MaxValue;
    }

    public static bool IsPref(string typeValue) => typeValue.Trim().Equals("pref", StringComparison.OrdinalIgnoreCase);

    public static ImmutableArray<LabelledValue> Values(IEnumerable<ListFieldItem> items) => [.. items.Select(i => i.Value)];
}
