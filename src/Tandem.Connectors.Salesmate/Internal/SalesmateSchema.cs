using Tandem.Domain.Fields;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>The standard fields of a Salesmate contact, plus its custom fields with their types.</summary>
internal static class SalesmateSchema
{
    public static readonly IReadOnlyList<FieldDefinition> Standard =
    [
        TagsField.Labels(), // tags, read and written as the record's tags
        new(StandardFieldKeys.FirstName, "First Name", FieldType.Text) { Role = FieldRole.FirstName },
        new(StandardFieldKeys.LastName, "Last Name", FieldType.Text) { Role = FieldRole.LastName },
        new(StandardFieldKeys.FullName, "Name", FieldType.Text) { Role = FieldRole.FullName, IsReadOnly = true },
        new(StandardFieldKeys.Emails, "Email", FieldType.Email) { Role = FieldRole.Emails },
        new(StandardFieldKeys.Phones, "Mobile, Phone and Other Phone", FieldType.Phone) { IsList = true, Role = FieldRole.Phones },
        new(StandardFieldKeys.Addresses, "Address", FieldType.Address) { Role = FieldRole.Addresses },
        new(StandardFieldKeys.Urls, "Website", FieldType.Url) { Role = FieldRole.Urls },
        new(StandardFieldKeys.Org, "Company", FieldType.Text) { Role = FieldRole.Company },
        new(StandardFieldKeys.Title, "Designation", FieldType.Text) { Role = FieldRole.JobTitle },
        new(StandardFieldKeys.Note, "Description", FieldType.Text) { Role = FieldRole.Notes },
        new(SalesmateFieldKeys.Owner, "Owner", FieldType.OwnerReference) { Role = FieldRole.Owner },
        new(SalesmateFieldKeys.Currency, "Currency", FieldType.Text),
        new(SalesmateFieldKeys.LinkedIn, "LinkedIn", FieldType.Text),
        new(SalesmateFieldKeys.Twitter, "Twitter", FieldType.Text),
        new(SalesmateFieldKeys.Facebook, "Facebook", FieldType.Text),
        new(SalesmateFieldKeys.Skype, "Skype", FieldType.Text),
    ];

    public static AppSchema Build(IEnumerable<ContactField> custom) => new(Standard.Concat(custom
        .Where(f => f.Type is not null)
        .Select(f => new FieldDefinition(f.Key, f.Label, f.Type!.Value)
        {
            IsCustom = !f.IsBirthday,
            Role = f.IsBirthday ? FieldRole.Birthday : FieldRole.None,
            Options = [.. f.Options.Select(o => new ChoiceOption(o, o))],
        })));
}
