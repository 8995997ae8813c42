using Tandem.Formats.VCard.Cards;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>The given and family components of a card's N (empty when absent).</summary>
internal readonly record struct NameParts(string Given, string Family)
{
    public static NameParts Of(VCardCard card)
    {
        if (card.Find("N") is not { } n)
        {
            return new NameParts(string.Empty, string.Empty);
        }

        var parts = VCardText.Components(n.RawValue);
        return new NameParts(parts.Count > 1 ? parts[1].Trim() : string.Empty, parts[0].Trim());
    }

    public bool IsEmpty => Given.Length == 0 && Family.Length == 0;

    /// <summary>"Given Family", the full name a card with no FN of its own gets.</summary>
    public string Joined => string.Join(' ', new[] { Given, Family }.Where(p => p.Length > 0));

    /// <summary>
    /// Splits a full name for a card whose N follows its FN. When the new name keeps the old given name
    /// (or the old family name), only the other part changes ("John Smith" → "John Smyth" changes the family
    /// name only); otherwise the last word is the family name.
    /// </summary>
    public NameParts Split(string fullName)
    {
        var full = fullName.Trim();
        if (Given.Length > 0 && full.StartsWith(Given + " ", StringComparison.Ordinal))
        {
            return new NameParts(Given, full[(Given.Length + 1)..].Trim());
        }

        if (Family.Length > 0 && full.EndsWith(" " + Family, StringComparison.Ordinal))
        {
            return new NameParts(full[..^(Family.Length + 1)].Trim(), Family);
        }

        var space = full.LastIndexOf(' ');
        return space < 0 ? new NameParts(full, string.Empty) : new NameParts(full[..space].Trim(), full[(space + 1)..]);
    }
}
