using Tandem.Domain.Fields;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>The standard fields of a Google contact, plus one text field per userDefined key in use.</summary>
internal static class GoogleSchema
{
    public static readonly IReadOnlyList<FieldDefinition> Standard =
    [
        new(GoogleFieldKeys.FirstName, "First name", FieldType.Text) { Role = FieldRole.FirstName },
        new(GoogleFieldKeys.LastName, "Last name", FieldType.Text) { Role = FieldRole.LastName },
        new(GoogleFieldKeys.FullName, "Display name", FieldType.Text) { Role = FieldRole.FullName, IsReadOnly = true },
        new(GoogleFieldKeys.Emails, "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
        new(GoogleFieldKeys.Phones, "Phones", FieldType.Phone) { IsList = true, Role = FieldRole.Phones },
        new(GoogleFieldKeys.Addresses, "Addresses", FieldType.Address) { IsList = true, Role = FieldRole.Addresses },
        new(GoogleFieldKeys.Urls, "Websites", FieldType.Url) { IsList = true, Role = FieldRole.Urls },
        new(GoogleFieldKeys.Org, "Company", FieldType.Text) { Role = FieldRole.Company },
        new(GoogleFieldKeys.Title, "Job title", FieldType.Text) { Role = FieldRole.JobTitle },
        new(GoogleFieldKeys.Birthday, "Birthday", FieldType.Date) { Role = FieldRole.Birthday },
        new(GoogleFieldKeys.Note, "Notes", FieldType.Text) { Role = FieldRole.Notes },
    ];

    public static AppSchema Build(IEnumerable<string> userDefinedKeys) => new(Standard.Concat(userDefinedKeys
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .Select(k => new FieldDefinition(GoogleFieldKeys.UserDefinedPrefix + k, k, FieldType.Text) { IsCustom = true })));
}
