using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>
/// Writes a labelled list back into a card with as little churn as possible: an item equal in label and
/// value to an existing property keeps that property untouched (group, parameters, source lines); other
/// items become new properties; properties no longer in the list are removed; the first item is made the
/// preferred one only when it would not already read back first.
/// </summary>
internal static class ListFieldWriter
{
    public static void Apply(VCardCard card, ListFieldSpec spec, ListValue? list, string? defaultRegion)
    {
        var existing = ListFieldReader.Items(card, spec, defaultRegion);
        var owned = existing.Select(e => e.Property).ToHashSet(ReferenceEqualityComparer.Instance);
        var kept = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var chosen = new List<VCardProperty>();
        var added = new List<VCardProperty>();
        foreach (var item in list?.Items ?? [])
        {
            var match = existing.Find(e => !kept.Contains(e.Property) && e.Value == item);
            if (match is not null)
            {
                kept.Add(match.Property);
                chosen.Add(match.Property);
            }
            else
            {
                var created = spec.CreateProperty(item, card.IsVersion4);
                added.Add(created);
                chosen.Add(created);
            }
        }

        var lastIndex = card.Properties.FindLastIndex(p => p.Is(spec.PropertyName));
        var insertAt = lastIndex < 0 ? card.Properties.Count : lastIndex + 1;
        card.Properties.InsertRange(insertAt, added);
        card.Properties.RemoveAll(p => owned.Contains(p) && !kept.Contains(p));

        if (chosen.Count > 1)
        {
            EnsurePrimary(card, chosen);
        }
    }

    private static void EnsurePrimary(VCardCard card, List<VCardProperty> chosen)
    {
        var primary = chosen[0];
        var ranked = chosen.OrderBy(p => card.Properties.IndexOf(p)).OrderBy(ListFieldReader.Rank).ToList();
        if (ReferenceEquals(ranked[0], primary))
        {
            return;
        }

        foreach (var property in chosen)
        {
            var rewritten = ReferenceEquals(property, primary) ? WithPref(property, card.IsVersion4) : WithoutPref(property);
            if (!ReferenceEquals(rewritten, property))
            {
                card.Properties[card.Properties.IndexOf(property)] = rewritten;
            }
        }
    }

    private static VCardProperty WithPref(VCardProperty property, bool version4)
    {
        var cleared = WithoutPref(property);
        if (version4)
        {
            return cleared.WithParameters([.. cleared.Parameters, new VCardParameter("PREF", ["1"])]);
        }

        var types = cleared.ParameterValues("TYPE").Append("pref").ToArray();
        return cleared.WithoutParameter("TYPE").WithParameters([.. cleared.WithoutParameter("TYPE").Parameters, new VCardParameter("TYPE", types)]);
    }

    private static VCardProperty WithoutPref(VCardProperty property)
    {
        var hasPrefType = property.ParameterValues("TYPE").SelectMany(v => v.Split(',')).Any(ListFieldReader.IsPref);
        if (!hasPrefType && !property.ParameterValues("PREF").Any())
        {
            return property;
        }

        var parameters = new List<VCardParameter>();
        foreach (var parameter in property.Parameters.Where(p => !p.Is("PREF")))
        {
            if (!parameter.Is("TYPE"))
            {
                parameters.Add(parameter);
                continue;
            }

            var values = parameter.Values.SelectMany(v => v.Split(',')).Where(v => !ListFieldReader.IsPref(v)).ToArray();
            if (values.Length > 0)
            {
                parameters.Add(parameter with { Values = values });
            }
        }

        return property.WithParameters(parameters);
    }
}
