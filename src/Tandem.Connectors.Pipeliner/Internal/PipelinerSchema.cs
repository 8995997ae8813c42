using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// The standard fields of a Pipeliner contact, plus the space's custom Contact fields. A custom date field named
/// "Birthday" is the contact's birthday (Pipeliner has no standard one), as Mailchimp's BIRTHDAY merge field is.
/// </summary>
internal static class PipelinerSchema
{
    public const string BirthdayLabel = "Birthday";

    public static readonly IReadOnlyList<FieldDefinition> Standard =
    [
        TagsField.Labels(), // tags, read and written as the record's tags
        new(StandardFieldKeys.FirstName, "First name", FieldType.Text) { Role = FieldRole.FirstName },
        new(PipelinerFieldKeys.MiddleName, "Middle name", FieldType.Text),
        new(StandardFieldKeys.LastName, "Last name", FieldType.Text) { Role = FieldRole.LastName },
        new(StandardFieldKeys.FullName, "Name", FieldType.Text) { Role = FieldRole.FullName, IsReadOnly = true },
        new(PipelinerFieldKeys.Salutation, "Title (salutation)", FieldType.Text),
        new(StandardFieldKeys.Emails, "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
        new(StandardFieldKeys.Phones, "Phones", FieldType.Phone) { IsList = true, Role = FieldRole.Phones },
        new(StandardFieldKeys.Addresses, "Address", FieldType.Address) { Role = FieldRole.Addresses },
        new(StandardFieldKeys.Org, "Account name", FieldType.Text) { Role = FieldRole.Company },
        new(StandardFieldKeys.Title, "Position", FieldType.Text) { Role = FieldRole.JobTitle },
        new(StandardFieldKeys.Note, "Comments", FieldType.Text) { Role = FieldRole.Notes },
        new(StandardFieldKeys.Gender, "Gender", FieldType.Text) { Role = FieldRole.Gender }, // gender 1–3 as words
        new(PipelinerFieldKeys.Owner, "Owner", FieldType.OwnerReference) { Role = FieldRole.Owner },
    ];

    /// <summary>The custom field holding the birthday, if the space has one.</summary>
    public static CustomField? Birthday(SpaceDirectory directory) =>
        directory.Custom.FirstOrDefault(c => c.Type == FieldType.Date && string.Equals(c.Name, BirthdayLabel, StringComparison.OrdinalIgnoreCase));

    /// <summary>The key a custom field has in records: its api name, or <c>birthday</c> for the birthday field.</summary>
    public static string KeyOf(CustomField field, SpaceDirectory directory) =>
        ReferenceEquals(field, Birthday(directory)) ? StandardFieldKeys.Birthday : field.ApiName;

    public static AppSchema Build(SpaceDirectory directory)
    {
        var unit = new FieldDefinition(PipelinerFieldKeys.SalesUnit, "Sales unit", FieldType.SingleChoice)
        {
            Options = [.. directory.Units.Values.Order(StringComparer.Ordinal).Select(n => new ChoiceOption(n, n))],
        };
        var custom = directory.Custom.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new FieldDefinition(KeyOf(c, directory), c.Name, c.Type)
        {
            IsCustom = true,
            Role = KeyOf(c, directory) == StandardFieldKeys.Birthday ? FieldRole.Birthday : FieldRole.None,

            // Records hold choices as option labels, so an option's id in the schema is its label too.
            Options = [.. c.Options.Values.Select(o => new ChoiceOption(o, o))],
        });
        return new AppSchema([.. Standard, unit, .. custom]);
    }
}
