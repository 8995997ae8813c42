using Tandem.Domain.Fields;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>The standard fields of a HubSpot contact, plus one field per other contact property of the portal.</summary>
internal static class HubSpotSchema
{
    public static readonly IReadOnlyList<FieldDefinition> Standard =
    [
        TagsField.Labels(ignoresCase: true), // static lists (names unique whatever their case), read and written as the record's tags
        new(StandardFieldKeys.FirstName, "First Name", FieldType.Text) { Role = FieldRole.FirstName },
        new(StandardFieldKeys.LastName, "Last Name", FieldType.Text) { Role = FieldRole.LastName },
        new(StandardFieldKeys.Emails, "Email and additional emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
        new(StandardFieldKeys.Phones, "Phone and mobile phone", FieldType.Phone) { IsList = true, Role = FieldRole.Phones },
        new(StandardFieldKeys.Addresses, "Address", FieldType.Address) { IsList = true, Role = FieldRole.Addresses },
        new(StandardFieldKeys.Urls, "Website URL", FieldType.Url) { IsList = true, Role = FieldRole.Urls },
        new(StandardFieldKeys.Org, "Company Name", FieldType.Text) { Role = FieldRole.Company },
        new(StandardFieldKeys.Title, "Job Title", FieldType.Text) { Role = FieldRole.JobTitle },
        new(StandardFieldKeys.Birthday, "Date of birth", FieldType.Date) { Role = FieldRole.Birthday },
        new(StandardFieldKeys.Note, "Message", FieldType.Text) { Role = FieldRole.Notes },
        new(HubSpotFieldKeys.Owner, "Contact owner", FieldType.OwnerReference) { Role = FieldRole.Owner },
    ];

    public static AppSchema Build(PropertyDirectory directory, IReadOnlyList<(string Id, string Name)> owners) => new([
        .. Standard.Select(f => f.Key == HubSpotFieldKeys.Owner ? f with { Options = [.. owners.Select(o => new ChoiceOption(o.Id, o.Name))] } : f),
        .. directory.Others.Select(p => new FieldDefinition(HubSpotFieldKeys.PropertyPrefix + p.Name, p.Label, p.Type)
        {
            IsCustom = p.IsCustom,
            IsReadOnly = p.IsReadOnly,
            // A choice value is its option's label, so the option's id is its label too (as Pipedrive's).
            Options = [.. p.Options.Select(o => new ChoiceOption(o.Label, o.Label))],
        }),
    ]);
}
