using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>
/// The schema of every card. It is fixed: the card's own <c>X-</c> properties travel together as one labelled list
/// ("Custom properties", each entry named by its property), because an address book's schema cannot be discovered
/// without reading every card.
/// </summary>
internal static class VCardSchema
{
    public static AppSchema Instance { get; } = new(
    [
        TagsField.Categories(), // CATEGORIES, read and written as the record's tags
        new FieldDefinition(StandardFieldKeys.FirstName, "First name", FieldType.Text) { Role = FieldRole.FirstName },
        new FieldDefinition(StandardFieldKeys.LastName, "Last name", FieldType.Text) { Role = FieldRole.LastName },
        new FieldDefinition(StandardFieldKeys.FullName, "Full name", FieldType.Text) { Role = FieldRole.FullName },
        new FieldDefinition(StandardFieldKeys.Emails, "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
        new FieldDefinition(StandardFieldKeys.Phones, "Phones", FieldType.Phone) { IsList = true, Role = FieldRole.Phones },
        new FieldDefinition(StandardFieldKeys.Addresses, "Addresses", FieldType.Address) { IsList = true, Role = FieldRole.Addresses },
        new FieldDefinition(StandardFieldKeys.Urls, "Websites", FieldType.Url) { IsList = true, Role = FieldRole.Urls },
        new FieldDefinition(StandardFieldKeys.Org, "Organisation", FieldType.Text) { Role = FieldRole.Company },
        new FieldDefinition(StandardFieldKeys.Title, "Job title", FieldType.Text) { Role = FieldRole.JobTitle },
        new FieldDefinition(StandardFieldKeys.Birthday, "Birthday", FieldType.Date) { Role = FieldRole.Birthday },
        new FieldDefinition(StandardFieldKeys.Note, "Note", FieldType.Text) { Role = FieldRole.Notes },
        new FieldDefinition(StandardFieldKeys.Nickname, "Nickname", FieldType.Text) { Role = FieldRole.Nickname },
        new FieldDefinition(StandardFieldKeys.Photo, "Photo", FieldType.Photo) { Role = FieldRole.Photo },
        new FieldDefinition(StandardFieldKeys.Anniversary, "Anniversary", FieldType.Date) { Role = FieldRole.Anniversary },
        new FieldDefinition(StandardFieldKeys.Department, "Department", FieldType.Text) { Role = FieldRole.Department },
        new FieldDefinition(StandardFieldKeys.Gender, "Gender", FieldType.Text) { Role = FieldRole.Gender },
        new FieldDefinition(StandardFieldKeys.Pronouns, "Pronouns", FieldType.Text) { Role = FieldRole.Pronouns },
        new FieldDefinition(StandardFieldKeys.RelatedPeople, "Related people", FieldType.Text) { IsList = true, Role = FieldRole.RelatedPeople },
        new FieldDefinition(StandardFieldKeys.InstantMessaging, "Instant messaging", FieldType.Url) { IsList = true, Role = FieldRole.InstantMessaging },
        new FieldDefinition(StandardFieldKeys.SocialProfiles, "Social profiles", FieldType.Url) { IsList = true, Role = FieldRole.SocialProfiles },
        new FieldDefinition(StandardFieldKeys.CustomProperties, "Custom properties (X-)", FieldType.Text) { IsList = true, Role = FieldRole.CustomProperties },
    ]);
}
