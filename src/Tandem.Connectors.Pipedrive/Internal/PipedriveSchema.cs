using System.Globalization;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>The standard (contact-sync) fields of a Pipedrive person, plus the company's custom person fields.</summary>
internal static class PipedriveSchema
{
    public static readonly IReadOnlyList<FieldDefinition> Standard =
    [
        TagsField.Labels(), // labels (label_ids), read and written as the record's tags
        new(StandardFieldKeys.FirstName, "First name", FieldType.Text) { Role = FieldRole.FirstName },
        new(StandardFieldKeys.LastName, "Last name", FieldType.Text) { Role = FieldRole.LastName },
        new(StandardFieldKeys.FullName, "Name", FieldType.Text) { Role = FieldRole.FullName },
        new(StandardFieldKeys.Emails, "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
        new(StandardFieldKeys.Phones, "Phones", FieldType.Phone) { IsList = true, Role = FieldRole.Phones },
        new(StandardFieldKeys.Org, "Organization", FieldType.Text) { Role = FieldRole.Company },
        new(PipedriveFieldKeys.Owner, "Owner", FieldType.OwnerReference) { Role = FieldRole.Owner },
        new(StandardFieldKeys.Title, "Job title", FieldType.Text) { Role = FieldRole.JobTitle },
        new(StandardFieldKeys.Birthday, "Birthday", FieldType.Date) { Role = FieldRole.Birthday },
        new(StandardFieldKeys.Note, "Notes", FieldType.Text) { Role = FieldRole.Notes },
        new(StandardFieldKeys.InstantMessaging, "Instant messaging", FieldType.Url) { IsList = true, Role = FieldRole.InstantMessaging }, // im, as URIs
        new(PipedriveFieldKeys.DealsCount, "Deals (open and closed)", FieldType.Number) { IsReadOnly = true },
    ];

    /// <summary>
    /// What every person read asks for beyond the defaults: <c>marketing_status</c> for unsubscribes, and the deal
    /// counts behind <see cref="PipedriveFieldKeys.DealsCount"/> (comma-separated, as openapi-v2.yaml describes it).
    /// </summary>
    public const string IncludeFields = "include_fields=marketing_status,open_deals_count,closed_deals_count";

    /// <summary>The same for a company without the Campaigns app, which has no <c>marketing_status</c>.</summary>
    public const string IncludeFieldsWithoutMarketing = "include_fields=open_deals_count,closed_deals_count";

    public static AppSchema Build(CompanyDirectory directory) => new(Standard.Concat(directory.Custom.Values
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .Select(c => new FieldDefinition(PipedriveFieldKeys.CustomPrefix + c.Key, c.Name, c.Type)
        {
            IsCustom = true,
            // Records hold choices as option labels (the reader turns Pipedrive's ids into labels), so the option's id in
            // the schema is its label too: value tables and choice-to-text conversions key on what records hold.
            Options = c.Options.OrderBy(o => o.Key).Select(o => new ChoiceOption(o.Value, o.Value)).ToList(),
        })));
}
