using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>
/// Writes name.first, name.last and name.full, keeping N and FN consistent: a card whose FN followed its N
/// ("Given Family") keeps following it, and a full name set alone updates such an N only in the part that changed.
/// </summary>
internal static class NameWriter
{
    public static void Apply(VCardCard card, Dictionary<string, FieldValue?> byKey)
    {
        var hasFirst = byKey.TryGetValue(StandardFieldKeys.FirstName, out var first);
        var hasLast = byKey.TryGetValue(StandardFieldKeys.LastName, out var last);
        var hasFull = byKey.TryGetValue(StandardFieldKeys.FullName, out var full);
        if (!hasFirst && !hasLast && !hasFull)
        {
            return;
        }

        var old = NameParts.Of(card);
        var oldFull = card.Find("FN") is { } fn ? VCardText.Unescape(fn.RawValue).Trim() : string.Empty;
        var fnFollowsN = oldFull.Length == 0 || oldFull == old.Joined;
        var parts = new NameParts(
            hasFirst ? Text(first) ?? string.Empty : old.Given,
            hasLast ? Text(last) ?? string.Empty : old.Family);
        // A card without N keeps none: inventing given and family names would be content nobody wrote.
        if (hasFull && !hasFirst && !hasLast && Text(full) is { } newFull && !old.IsEmpty && fnFollowsN)
        {
            parts = old.Split(newFull);
        }

        if (parts != old)
        {
            SetN(card, parts);
        }

        if (hasFull)
        {
            VCardContactWriter.SetText(card, "FN", Text(full));
        }
        else if (parts != old)
        {
            var updated = fnFollowsN ? parts.Joined : ReplaceChangedParts(oldFull, old, parts);
            VCardContactWriter.SetText(card, "FN", updated.Length == 0 ? null : updated);
        }
    }

    private static void SetN(VCardCard card, NameParts parts)
    {
        var existing = card.Find("N");
        if (existing is null && parts.IsEmpty)
        {
            return;
        }

        // N is family; given; additional; prefixes; suffixes. Only the first two are Tandem's.
        var components = existing is null ? [] : VCardText.Components(existing.RawValue);
        while (components.Count < 5)
        {
            components.Add(string.Empty);
        }

        components[0] = parts.Family;
        components[1] = parts.Given;
        var value = VCardText.JoinComponents(components);
        card.SetFirst("N", existing?.WithValue(value) ?? new VCardProperty(null, "N", [], value));
    }

    // A hand-written FN ("Dr. John Smith") keeps its wording; only the name part that changed is replaced.
    private static string ReplaceChangedParts(string fullName, NameParts old, NameParts updated)
    {
        var result = ReplaceOnce(fullName, old.Family, updated.Family);
        result = ReplaceOnce(result, old.Given, updated.Given);
        return string.Join(' ', result.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string ReplaceOnce(string text, string oldPart, string newPart)
    {
        if (oldPart.Length == 0 || oldPart == newPart)
        {
            return text;
        }

        var at = text.IndexOf(oldPart, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), newPart, text.AsSpan(at + oldPart.Length));
    }

    private static string? Text(FieldValue? value) => (value as ScalarValue)?.Text;
}
