using Tandem.Domain.Fields;
using Tandem.Formats.VCard.Cards;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>
/// GENDER (RFC 6350 §6.2.7): a sex letter and an optional identity text. Read as words: the identity when the card
/// has one, else the letter's word (M male, F female, O other, N none, U unknown), so Google's "female" and a card's
/// <c>F</c> are the same value. Written back as the letter for those words, else <c>O;</c> and the words.
/// </summary>
internal static class GenderProperty
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["M"] = "male", ["F"] = "female", ["O"] = "other", ["N"] = "none", ["U"] = "unknown",
    };

    public static ScalarValue? Read(VCardCard card)
    {
        if (card.Find("GENDER") is not { } gender)
        {
            return null;
        }

        var parts = VCardText.Components(gender.RawValue);
        var identity = parts.Count > 1 ? parts[1].Trim() : string.Empty;
        var sex = parts[0].Trim();
        return Values.Create(FieldType.Text, identity.Length > 0 ? identity : Words.GetValueOrDefault(sex, sex));
    }

    public static void Write(VCardCard card, string? words)
    {
        if (words is null)
        {
            card.RemoveAll("GENDER");
            return;
        }

        var letter = Words.FirstOrDefault(w => string.Equals(w.Value, words, StringComparison.Ordinal)).Key;
        var value = letter ?? "O;" + VCardText.Escape(words);
        card.SetFirst("GENDER", new VCardProperty(card.Find("GENDER")?.Group, "GENDER", [], value));
    }
}
