using System.Globalization;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Formats.VCard.Cards;
using Tandem.Formats.VCard.Mapping;

namespace Tandem.Formats.VCard;

/// <summary>
/// Cards as Tandem sees them: a card read as a canonical <see cref="ContactRecord"/>, and field and tag
/// changes written into a card, touching only the properties Tandem's fields own (every other property,
/// unknown ones included, is kept byte for byte).
/// </summary>
public static class VCardContacts
{
    /// <summary>The fields every card offers (vCard has no custom fields Tandem maps).</summary>
    public static AppSchema Schema => VCardSchema.Instance;

    /// <summary>The canonical record of a card; the UID becomes the record's client reference.</summary>
    public static ContactRecord Read(VCardCard card, string id, string version, string? defaultRegion) =>
        VCardContactReader.Read(card, id, version, defaultRegion);

    /// <summary>Parses card text and reads it; throws <see cref="VCardParseException"/> naming <paramref name="id"/>.</summary>
    public static ContactRecord Read(string cardText, string id, string version, string? defaultRegion) =>
        VCardContactReader.Read(VCardReader.Parse(cardText, id), id, version, defaultRegion);

    /// <summary>Null when every change names a card field with a value of its type, else the reason (never the value).</summary>
    public static string? Validate(IEnumerable<FieldChange> changes) => VCardChangeValidator.Validate(changes);

    /// <summary>The fields of a create as changes, so creates and updates share one path.</summary>
    public static IReadOnlyList<FieldChange> AsChanges(IEnumerable<KeyValuePair<string, FieldValue>> fields) =>
        VCardContactWriter.AsChanges(fields);

    /// <summary>
    /// Applies validated changes and tag changes (CATEGORIES). Returns true when the card's text changed;
    /// a card with nothing to change is left exactly as it was.
    /// </summary>
    public static bool Apply(
        VCardCard card,
        IReadOnlyList<FieldChange> changes,
        IEnumerable<string> addTags,
        IEnumerable<string> removeTags,
        string? defaultRegion)
    {
        var before = VCardWriter.Write(card);
        VCardContactWriter.Apply(card, changes, defaultRegion);
        TagWriter.Apply(card, addTags, removeTags);
        return VCardWriter.Write(card) != before;
    }

    /// <summary>A new, empty card of this version ("3.0" or "4.0") with its UID and PRODID.</summary>
    public static VCardCard NewCard(string version, string uid, string productId)
    {
        var card = new VCardCard([new VCardProperty(null, "VERSION", [], version)]);
        card.Properties.Add(new VCardProperty(null, "PRODID", [], productId));
        card.Properties.Add(new VCardProperty(null, "UID", [], VCardText.Escape(uid)));
        return card;
    }

    /// <summary>Sets REV to this instant (UTC); REV is volatile, never content.</summary>
    public static void SetRevision(VCardCard card, DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        card.SetFirst("REV", new VCardProperty(card.Find("REV")?.Group, "REV", [], stamp));
    }
}
