using System.Collections.Immutable;
using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>
/// Maps a card to Tandem's canonical record. Volatile properties (REV, PRODID) and everything unmapped
/// stay out of the record, so touching them is never a content change.
/// </summary>
internal static class VCardContactReader
{
    public static ContactRecord Read(VCardCard card, string id, string version, string? defaultRegion)
    {
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        var name = NameParts.Of(card);
        Add(fields, StandardFieldKeys.FirstName, Values.Create(FieldType.Text, name.Given));
        Add(fields, StandardFieldKeys.LastName, Values.Create(FieldType.Text, name.Family));
        Add(fields, StandardFieldKeys.FullName, Text(card, "FN"));
        foreach (var spec in ListFieldSpec.All)
        {
            Add(fields, spec.Key, ListFieldReader.Read(card, spec, defaultRegion));
        }

        Add(fields, StandardFieldKeys.Org, Values.Create(FieldType.Text, OrgName(card)));
        Add(fields, StandardFieldKeys.Title, Text(card, "TITLE"));
        Add(fields, StandardFieldKeys.Note, Text(card, "NOTE"));
        var birthday = card.Find("BDAY") is { } bday ? VCardDate.Parse(bday) : null;
        Add(fields, StandardFieldKeys.Birthday, birthday is { } date ? Values.Date(date) : null);
        Add(fields, StandardFieldKeys.Nickname, Text(card, "NICKNAME"));
        Add(fields, StandardFieldKeys.Photo, PhotoProperty.Read(card));
        Add(fields, StandardFieldKeys.Anniversary, AnniversaryProperty.Read(card));
        Add(fields, StandardFieldKeys.Department, Values.Create(FieldType.Text, OrgComponent(card, 1)));
        Add(fields, StandardFieldKeys.Gender, GenderProperty.Read(card));
        Add(fields, StandardFieldKeys.Pronouns, Text(card, "PRONOUNS"));
        Add(fields, StandardFieldKeys.CustomProperties, CustomProperties.Read(card));

        var uid = card.Find("UID") is { } u ? VCardText.Unescape(u.RawValue).Trim() : null;
        return new ContactRecord(id, fields.ToImmutable())
        {
            Version = version,
            Tags = Tags(card),
            ClientReference = string.IsNullOrEmpty(uid) ? null : uid,
        };
    }

    /// <summary>Every CATEGORIES value of every CATEGORIES line, trimmed.</summary>
    public static ImmutableSortedSet<string> Tags(VCardCard card) =>
        card.FindAll("CATEGORIES")
            .SelectMany(p => CategoryList(p.RawValue))
            .ToImmutableSortedSet(StringComparer.Ordinal);

    public static IEnumerable<string> CategoryList(string raw) =>
        VCardText.SplitRaw(raw, ',').Select(c => VCardText.Unescape(c).Trim()).Where(c => c.Length > 0);

    public static string? OrgName(VCardCard card) => OrgComponent(card, 0);

    /// <summary>A component of ORG: 0 the organisation's name, 1 the department (RFC 6350 §6.6.4).</summary>
    public static string? OrgComponent(VCardCard card, int index) =>
        card.Find("ORG") is { } org && VCardText.Components(org.RawValue) is { } parts && index < parts.Count ? parts[index] : null;

    private static ScalarValue? Text(VCardCard card, string propertyName) =>
        card.Find(propertyName) is { } p ? Values.Create(FieldType.Text, VCardText.Unescape(p.RawValue)) : null;

    private static void Add(ImmutableDictionary<string, FieldValue>.Builder fields, string key, FieldValue? value)
    {
        if (value is not null)
        {
            fields[key] = value;
        }
    }
}
