using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Domain.Tests.Mapping;

/// <summary>A CRM's custom "Nickname" or "Anniversary" field stands for the address book's nickname or anniversary in the default mapping.</summary>
public sealed class PersonalFieldLabelsTests
{
    private static readonly FieldDefinition Email = new(StandardFieldKeys.Emails, "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails };

    private static readonly AppSchema AddressBook = new(
    [
        Email,
        new FieldDefinition(StandardFieldKeys.Nickname, "Nickname", FieldType.Text) { Role = FieldRole.Nickname },
        new FieldDefinition(StandardFieldKeys.Anniversary, "Anniversary", FieldType.Date) { Role = FieldRole.Anniversary },
    ]);

    [Fact]
    public void Custom_fields_labelled_nickname_and_anniversary_are_mapped_to_the_address_books_by_default()
    {
        var crm = new AppSchema(
        [
            Email,
            new FieldDefinition("custom.a1", " nickname ", FieldType.Text) { IsCustom = true },
            new FieldDefinition("custom.b2", "Anniversary", FieldType.Date) { IsCustom = true },
        ]);

        var rows = DefaultMappings.For(AddressBook, crm).Select(m => (m.AField, m.BField)).ToList();

        Assert.Contains((StandardFieldKeys.Nickname, "custom.a1"), rows);
        Assert.Contains((StandardFieldKeys.Anniversary, "custom.b2"), rows);
    }

    [Fact]
    public void A_field_so_labelled_but_of_another_type_or_a_list_is_left_to_the_user()
    {
        var crm = new AppSchema(
        [
            Email,
            new FieldDefinition("custom.a1", "Nickname", FieldType.Number) { IsCustom = true },
            new FieldDefinition("custom.b2", "Anniversary", FieldType.Text) { IsCustom = true },
            new FieldDefinition("custom.c3", "Nick name", FieldType.Text) { IsCustom = true, IsList = true },
        ]);

        var rows = DefaultMappings.For(AddressBook, crm);

        Assert.DoesNotContain(rows, m => m.BField.StartsWith("custom.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_holding_the_role_itself_wins_over_one_that_is_only_labelled_for_it()
    {
        var app = new AppSchema(
        [
            Email,
            new FieldDefinition("custom.a1", "Nickname", FieldType.Text) { IsCustom = true },
            new FieldDefinition("nick", "Also known as", FieldType.Text) { Role = FieldRole.Nickname },
        ]);

        Assert.Contains(DefaultMappings.For(AddressBook, app), m => m.AField == StandardFieldKeys.Nickname && m.BField == "nick");
        Assert.DoesNotContain(DefaultMappings.For(AddressBook, app), m => m.BField == "custom.a1");
    }
}
