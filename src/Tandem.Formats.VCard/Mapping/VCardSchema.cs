using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>The schema of every card: vCard has no custom fields Tandem maps, so it is fixed.</summary>
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
    ]);
}
