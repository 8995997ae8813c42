using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>The schema of every card: vCard has no custom fields Tandem maps, so it is fixed.</summary>
internal static class VCardSchema
{
    public static AppSchema Instance { get; } = new(
    [
        new FieldDefinition(VCardFieldKeys.FirstName, "First name", FieldType.Text) { Role = FieldRole.FirstName },
        new FieldDefinition(VCardFieldKeys.LastName, "Last name", FieldType.Text) { Role = FieldRole.LastName },
        new FieldDefinition(VCardFieldKeys.FullName, "Full name", FieldType.Text) { Role = FieldRole.FullName },
        new FieldDefinition(VCardFieldKeys.Emails, "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
        new FieldDefinition(VCardFieldKeys.Phones, "Phones", FieldType.Phone) { IsList = true, Role = FieldRole.Phones },
        new FieldDefinition(VCardFieldKeys.Addresses, "Addresses", FieldType.Address) { IsList = true, Role = FieldRole.Addresses },
        new FieldDefinition(VCardFieldKeys.Urls, "Websites", FieldType.Url) { IsList = true, Role = FieldRole.Urls },
        new FieldDefinition(VCardFieldKeys.Org, "Organisation", FieldType.Text) { Role = FieldRole.Company },
        new FieldDefinition(VCardFieldKeys.Title, "Job title", FieldType.Text) { Role = FieldRole.JobTitle },
        new FieldDefinition(VCardFieldKeys.Birthday, "Birthday", FieldType.Date) { Role = FieldRole.Birthday },
        new FieldDefinition(VCardFieldKeys.Note, "Note", FieldType.Text) { Role = FieldRole.Notes },
    ]);
}
