using System.Collections.Immutable;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Tests;

/// <summary>Two realistic schemas: a CRM with first/last names and a rich field set, and an address book with one full name.</summary>
internal static class TestSchemas
{
    public static readonly ChoiceOption[] CrmStatuses = [new("1", "Hot"), new("2", "Warm"), new("3", "Cold"), new("4", "Archived")];

    public static readonly ChoiceOption[] BookStatuses = [new("hot", "hot "), new("warm", "WARM"), new("cold", "Cold"), new("vip", "VIP")];

    public static AppSchema Crm { get; } = new(
    [
        new("first_name", "First name", FieldType.Text) { Role = FieldRole.FirstName },
        new("last_name", "Last name", FieldType.Text) { Role = FieldRole.LastName },
        new("email", "Email", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
        new("phone", "Phone", FieldType.Phone) { IsList = true, Role = FieldRole.Phones },
        new("org", "Organisation", FieldType.Text) { Role = FieldRole.Company },
        new("birthday", "Birthday", FieldType.Date) { Role = FieldRole.Birthday },
        new("age", "Age", FieldType.Number) { IsCustom = true },
        new("newsletter", "Newsletter", FieldType.Boolean) { IsCustom = true },
        new("status", "Status", FieldType.SingleChoice) { Options = CrmStatuses },
        new("interests", "Interests", FieldType.MultipleChoice) { Options = [new("a", "Apples"), new("b", "Bananas"), new("c", "Cherries")] },
        new("deal_period", "Deal period", FieldType.DateRange),
        new("budget", "Budget", FieldType.Money),
        new("owner", "Owner", FieldType.OwnerReference) { Role = FieldRole.Owner, Options = [new("u1", "Ann Lee")] },
        new("created", "Created", FieldType.DateTime) { IsReadOnly = true },
        new("deals", "Open deals", FieldType.Number) { IsReadOnly = true },
        new("notes", "Notes", FieldType.Text) { Role = FieldRole.Notes },
        new("website", "Website", FieldType.Url) { IsList = true, Role = FieldRole.Urls },
    ]);

    public static AppSchema Book { get; } = new(
    [
        new("name", "Name", FieldType.Text) { Role = FieldRole.FullName },
        new("emails", "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
        new("mobile", "Mobile", FieldType.Phone),
        new("company", "Company", FieldType.Text) { Role = FieldRole.Company },
        new("bday", "Birthday", FieldType.Date) { Role = FieldRole.Birthday },
        new("text", "Free text", FieldType.Text) { IsCustom = true },
        new("text2", "Other text", FieldType.Text) { IsCustom = true },
        new("amount", "Amount", FieldType.Number) { IsCustom = true },
        new("flag", "Flag", FieldType.Boolean) { IsCustom = true },
        new("stage", "Stage", FieldType.SingleChoice) { Options = BookStatuses },
        new("tags", "Tags", FieldType.MultipleChoice) { Options = [new("x", "apples"), new("y", "Bananas"), new("z", "Dates")] },
        new("start", "Start", FieldType.Date),
        new("updated", "Updated", FieldType.DateTime) { IsReadOnly = true },
        new("contact_email", "Contact email", FieldType.Email),
        new("homepage", "Homepage", FieldType.Url),
        new("phones", "Phones", FieldType.Phone) { IsList = true, Role = FieldRole.Phones },
    ]);

    public static ContactRecord Record(params (string Key, FieldValue Value)[] fields) =>
        new("r1", fields.ToImmutableDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));

    public static ListValue List(FieldType type, params (string Label, string Value)[] items) =>
        new(type, [.. items.Select(i => new LabelledValue(i.Label, Values.Require(type, i.Value)))]);
}
