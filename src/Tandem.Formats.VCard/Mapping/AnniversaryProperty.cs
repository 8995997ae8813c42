using Tandem.Domain.Fields;
using Tandem.Formats.VCard.Cards;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>
/// The anniversary: 4.0's ANNIVERSARY (RFC 6350 §6.2.6); 3.0 has none, so address books write X-ANNIVERSARY
/// (KAddressBook, Thunderbird) or X-EVOLUTION-ANNIVERSARY. An existing property keeps its name; a new one takes
/// the card's version's.
/// </summary>
internal static class AnniversaryProperty
{
    private static readonly string[] Names = ["ANNIVERSARY", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY"];

    public static ScalarValue? Read(VCardCard card) =>
        Find(card) is { } property && VCardDate.Parse(property) is { } date ? Values.Date(date) : null;

    public static void Write(VCardCard card, PartialDate? date)
    {
        var existing = Find(card);
        if (date is not { } d)
        {
            foreach (var old in Names)
            {
                card.RemoveAll(old);
            }

            return;
        }

        var name = existing?.Name ?? (card.IsVersion4 ? "ANNIVERSARY" : "X-ANNIVERSARY");
        card.SetFirst(name, new VCardProperty(existing?.Group, name, [], VCardDate.Format(d, card.IsVersion4)));
    }

    private static VCardProperty? Find(VCardCard card) =>
        Names.Select(card.Find).FirstOrDefault(p => p is not null);
}
