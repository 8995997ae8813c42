using Tandem.Domain.Fields;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>The standard fields of a Google contact, plus one text field per userDefined key in use.</summary>
internal static class GoogleSchema
{
    public static readonly IReadOnlyList<FieldDefinition> Standard =
    [
        TagsField.Categories(), // contact groups (user groups only), read and written as the record's tags
        new(StandardFieldKeys.FirstName, "First name", FieldType.Text) { Role = FieldRole.FirstName },
        new(StandardFieldKeys.LastName, "Last name", FieldType.Text) { Role = FieldRole.LastName },
        new(StandardFieldKeys.FullName, "Display name", FieldType.Text) { Role = FieldRole.FullName, IsReadOnly = true },
        new(StandardFieldKeys.Emails, "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
        new(StandardFieldKeys.Phones, "Phones", FieldType.Phone) { IsList = true, Role = FieldRole.Phones },
        new(StandardFieldKeys.Addresses, "Addresses", FieldType.Address) { IsList = true, Role = FieldRole.Addresses },
        new(StandardFieldKeys.Urls, "Websites", FieldType.Url) { IsList = true, Role = FieldRole.Urls },
        new(StandardFieldKeys.Org, "Company", FieldType.Text) { Role = FieldRole.Company },
        new(StandardFieldKeys.Title, "Job title", FieldType.Text) { Role = FieldRole.JobTitle },
        new(StandardFieldKeys.Birthday, "Birthday", FieldType.Date) { Role = FieldRole.Birthday },
        new(StandardFieldKeys.Note, "Notes", FieldType.Text) { Role = FieldRole.Notes },
        new(StandardFieldKeys.Nickname, "Nickname", FieldType.Text) { Role = FieldRole.Nickname },
        new(StandardFieldKeys.Photo, "Photo", FieldType.Photo) { Role = FieldRole.Photo },
        new(StandardFieldKeys.Anniversary, "Anniversary", FieldType.Date) { Role = FieldRole.Anniversary },
        new(StandardFieldKeys.Department, "Department", FieldType.Text) { Role = FieldRole.Department },
        new(StandardFieldKeys.Gender, "Gender", FieldType.Text) { Role = FieldRole.Gender },
        new(StandardFieldKeys.Pronouns, "Pronouns", FieldType.Text) { Role = FieldRole.Pronouns },
        new(StandardFieldKeys.RelatedPeople, "Relations", FieldType.Text) { IsList = true, Role = FieldRole.RelatedPeople },
        new(StandardFieldKeys.InstantMessaging, "Chat", FieldType.Url) { IsList = true, Role = FieldRole.InstantMessaging },
        new(StandardFieldKeys.CustomProperties, "Custom fields (all)", FieldType.Text) { IsList = true, Role = FieldRole.CustomProperties },
    ];

    public static AppSchema Build(IEnumerable<string> userDefinedKeys) => new(Standard.Concat(userDefinedKeys
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .Select(k => new FieldDefinition(GoogleFieldKeys.UserDefinedPrefix + k, k, FieldType.Text) { IsCustom = true })));
}
