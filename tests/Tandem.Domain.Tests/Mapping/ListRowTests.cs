using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using static Tandem.Domain.Tests.TestSchemas;

namespace Tandem.Domain.Tests.Mapping;

public sealed class ListRowTests
{
    private static readonly MappingRow Emails = Single(new FieldMapping("email", "emails"));
    private static readonly MappingRow PrimaryPhone = Single(new FieldMapping("phone", "mobile"));

    private static MappingRow Single(FieldMapping mapping) => Assert.Single(MappingCompiler.Compile([mapping], Crm, Book).Mapping.Rows);

    private static string Shared(params (string Label, string Value)[] items) => List(FieldType.Email, items).PrimaryFirst;

    [Fact]
    public void A_list_is_the_same_whatever_the_order_of_its_entries() =>
        Assert.True(Emails.Same(
            Emails.Read(Side.A, Record(("email", List(FieldType.Email, ("work", "a@x.com"), ("home", "b@x.com"))))),
            Emails.Read(Side.B, Record(("emails", List(FieldType.Email, ("home", "b@x.com"), ("work", "a@x.com")))))));

    [Fact]
    public void A_list_travels_with_its_primary_entry_first_and_the_others_sorted() =>
        Assert.Equal(
            "work\u001Fz@x.com\u001Ehome\u001Fb@x.com\u001Eother\u001Fa@x.com",
            Emails.Read(Side.A, Record(("email", List(FieldType.Email, ("work", "z@x.com"), ("other", "a@x.com"), ("home", "b@x.com"))))));

    [Fact]
    public void Writing_a_list_puts_the_sources_primary_first_keeps_the_targets_order_otherwise_and_appends_new_entries()
    {
        var current = Record(("emails", List(FieldType.Email, ("home", "b@x.com"), ("other", "d@x.com"), ("work", "a@x.com"))));

        var change = Assert.Single(Emails.Write(Side.B, Shared(("work", "a@x.com"), ("other", "d@x.com"), ("home", "b@x.com"), ("other", "c@x.com")), current));

        Assert.Equal(List(FieldType.Email, ("work", "a@x.com"), ("home", "b@x.com"), ("other", "d@x.com"), ("other", "c@x.com")).Items, ((ListValue)change.Value!).Items);
    }

    [Fact]
    public void A_new_list_is_written_with_the_sources_primary_entry_first()
    {
        var change = Assert.Single(Emails.Write(Side.B, Shared(("work", "z@x.com"), ("home", "a@x.com")), null));

        Assert.Equal(List(FieldType.Email, ("work", "z@x.com"), ("home", "a@x.com")).Items, ((ListValue)change.Value!).Items);
    }

    [Fact]
    public void An_entry_that_changed_its_value_keeps_its_position_and_label()
    {
        var current = Record(("emails", List(FieldType.Email, ("work", "a@x.com"), ("home", "b@x.com"))));

        var change = Assert.Single(Emails.Write(Side.B, Shared(("work", "new@x.com"), ("home", "b@x.com")), current));

        Assert.Equal(List(FieldType.Email, ("work", "new@x.com"), ("home", "b@x.com")).Items, ((ListValue)change.Value!).Items);
    }

    [Fact]
    public void An_entry_whose_label_changed_is_relabelled_in_place()
    {
        var current = Record(("emails", List(FieldType.Email, ("work", "a@x.com"), ("home", "b@x.com"))));

        var change = Assert.Single(Emails.Write(Side.B, Shared(("other", "a@x.com"), ("home", "b@x.com")), current));

        Assert.Equal(List(FieldType.Email, ("other", "a@x.com"), ("home", "b@x.com")).Items, ((ListValue)change.Value!).Items);
    }

    [Fact]
    public void Entries_no_longer_present_are_removed()
    {
        var current = Record(("emails", List(FieldType.Email, ("work", "a@x.com"), ("home", "b@x.com"))));

        var change = Assert.Single(Emails.Write(Side.B, Shared(("home", "b@x.com")), current));

        Assert.Equal(List(FieldType.Email, ("home", "b@x.com")).Items, ((ListValue)change.Value!).Items);
    }

    [Fact]
    public void A_list_that_already_holds_the_entries_with_the_same_primary_is_not_written() =>
        Assert.Empty(Emails.Write(Side.B, Shared(("home", "b@x.com"), ("work", "a@x.com"), ("other", "c@x.com")), Record(("emails", List(FieldType.Email, ("home", "b@x.com"), ("other", "c@x.com"), ("work", "a@x.com"))))));

    [Fact]
    public void A_list_maps_to_a_single_field_through_its_primary_entry() =>
        Assert.Equal("+442079460018", PrimaryPhone.Read(Side.A, Record(("phone", List(FieldType.Phone, ("work", "+442079460018"), ("mobile", "+447700900123"))))));

    [Fact]
    public void Writing_a_single_value_replaces_the_primary_entry_and_keeps_the_others()
    {
        var current = Record(("phone", List(FieldType.Phone, ("work", "+442079460018"), ("mobile", "+447700900123"))));

        var change = Assert.Single(PrimaryPhone.Write(Side.A, "+442079460999", current));

        Assert.Equal(List(FieldType.Phone, ("work", "+442079460999"), ("mobile", "+447700900123")).Items, ((ListValue)change.Value!).Items);
    }

    [Fact]
    public void Writing_a_single_value_held_by_another_entry_does_not_duplicate_it()
    {
        var current = Record(("phone", List(FieldType.Phone, ("work", "+442079460018"), ("mobile", "+447700900123"))));

        var change = Assert.Single(PrimaryPhone.Write(Side.A, "+447700900123", current));

        Assert.Equal(List(FieldType.Phone, ("work", "+447700900123")).Items, ((ListValue)change.Value!).Items);
    }

    [Fact]
    public void Clearing_the_single_field_removes_only_the_primary_entry()
    {
        var current = Record(("phone", List(FieldType.Phone, ("work", "+442079460018"), ("mobile", "+447700900123"))));

        var change = Assert.Single(PrimaryPhone.Write(Side.A, null, current));

        Assert.Equal(List(FieldType.Phone, ("mobile", "+447700900123")).Items, ((ListValue)change.Value!).Items);
    }

    [Fact]
    public void A_single_value_written_into_a_new_record_becomes_a_one_entry_list() =>
        Assert.Equal(
            [new FieldChange("phone", List(FieldType.Phone, (string.Empty, "+442079460018")))],
            PrimaryPhone.Write(Side.A, "+442079460018", null));
}
