using System.Collections.Immutable;
using Tandem.Formats.VCard.Mapping;
using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Formats.VCard.Tests.Mapping;

public sealed class VCardContactWriterTests
{
    private static VCardCard Parse(string body, string version = "4.0") =>
        VCardReader.Parse($"BEGIN:VCARD\r\nVERSION:{version}\r\n{body}END:VCARD\r\n", "a.vcf");

    private static string Apply(VCardCard card, params FieldChange[] changes)
    {
        VCardContactWriter.Apply(card, changes, "BE");
        return VCardWriter.Write(card);
    }

    private static string Body(string written) =>
        written["BEGIN:VCARD\r\nVERSION:4.0\r\n".Length..^"END:VCARD\r\n".Length];

    [Fact]
    public void Changing_the_last_name_of_a_card_whose_FN_follows_N_updates_both()
    {
        var card = Parse("N:Smith;John;;;\r\nFN:John Smith\r\n");

        var written = Apply(card, new FieldChange("name.last", Values.Text("Smyth")));

        Assert.Equal("N:Smyth;John;;;\r\nFN:John Smyth\r\n", Body(written));
    }

    [Fact]
    public void A_hand_written_FN_keeps_its_wording_and_changes_only_the_changed_part()
    {
        var card = Parse("N:Smith;John;;Dr.;\r\nFN:Dr. John Smith\r\n");

        var written = Apply(card, new FieldChange("name.last", Values.Text("Smyth")));

        Assert.Equal("N:Smyth;John;;Dr.;\r\nFN:Dr. John Smyth\r\n", Body(written));
    }

    [Fact]
    public void Setting_only_the_full_name_updates_only_the_part_of_N_that_changed()
    {
        var card = Parse("N:Van Damme;Jean-Claude;;;\r\nFN:Jean-Claude Van Damme\r\n");

        var written = Apply(card, new FieldChange("name.full", Values.Text("Jean-Claude Van Varenberg")));

        Assert.Equal("N:Van Varenberg;Jean-Claude;;;\r\nFN:Jean-Claude Van Varenberg\r\n", Body(written));
    }

    [Fact]
    public void Removing_the_full_name_derives_FN_from_N_so_the_card_stays_valid()
    {
        var card = Parse("N:Smith;John;;;\r\nFN:Johnny\r\n");

        var written = Apply(card, new FieldChange("name.full", null));

        Assert.Equal("N:Smith;John;;;\r\nFN:John Smith\r\n", Body(written));
    }

    [Fact]
    public void A_card_with_no_name_at_all_gets_its_FN_from_the_primary_email()
    {
        var card = Parse(string.Empty);

        var written = Apply(card, new FieldChange("emails", List(FieldType.Email, ("work", Values.Email("Ann@Example.com")))));

        Assert.Equal("EMAIL;TYPE=work:ann@example.com\r\nFN:ann@example.com\r\n", Body(written));
    }

    [Fact]
    public void An_email_list_keeps_matching_properties_untouched_adds_new_ones_after_them_and_drops_removed_ones()
    {
        var card = Parse("FN:A\r\nitem1.EMAIL;type=INTERNET;type=WORK:a@x.example\r\nitem1.X-ABLabel:work\r\nEMAIL;TYPE=home:old@x.example\r\nX-KEEP:1\r\n");

        var written = Apply(card, new FieldChange("emails", List(
            FieldType.Email,
            ("work", Values.Email("a@x.example")),
            ("home", Values.Email("new@x.example")))));

        Assert.Equal("FN:A\r\nitem1.EMAIL;type=INTERNET;type=WORK:a@x.example\r\nitem1.X-ABLabel:work\r\nEMAIL;TYPE=home:new@x.example\r\nX-KEEP:1\r\n", Body(written));
    }

    [Fact]
    public void A_new_primary_is_marked_preferred_and_the_old_mark_is_removed()
    {
        var card = Parse("FN:A\r\nTEL;VALUE=uri;PREF=1;TYPE=work:tel:+3225550101\r\nTEL;VALUE=uri;TYPE=cell:tel:+32470123456\r\n");

        var written = Apply(card, new FieldChange("phones", List(
            FieldType.Phone,
            ("cell", Values.Phone("+32470123456")),
            ("work", Values.Phone("+3225550101")))));

        Assert.Equal("FN:A\r\nTEL;VALUE=uri;TYPE=work:tel:+3225550101\r\nTEL;VALUE=uri;TYPE=cell;PREF=1:tel:+32470123456\r\n", Body(written));
        var phones = (ListValue)VCardContactReader.Read(card, "a.vcf", "v", "BE").Get("phones")!;
        Assert.Equal("+32470123456", phones.Primary.Text);
    }

    [Fact]
    public void A_3_0_card_marks_the_primary_with_TYPE_pref_and_writes_plain_phone_text()
    {
        var card = Parse("FN:A\r\nTEL;TYPE=work:+3225550101\r\n", "3.0");

        Apply(card, new FieldChange("phones", List(
            FieldType.Phone,
            ("cell", Values.Phone("+32470123456")),
            ("work", Values.Phone("+3225550101")))));

        Assert.Equal(["TEL;TYPE=work:+3225550101", "TEL;TYPE=cell,pref:+32470123456"], card.FindAll("TEL").Select(p => VCardWriter.Serialize(p, version4: false)));
    }

    [Fact]
    public void The_organisation_name_changes_and_its_units_stay()
    {
        var card = Parse("FN:A\r\nORG:Acme;Sales;EMEA\r\n");

        var written = Apply(card, new FieldChange("org", Values.Text("Acme; Ltd")));

        Assert.Equal("FN:A\r\nORG:Acme\\; Ltd;Sales;EMEA\r\n", Body(written));
    }

    [Fact]
    public void A_birthday_without_a_year_is_written_in_the_card_version_form()
    {
        var v4 = Parse("FN:A\r\nBDAY;VALUE=text:circa 1800\r\n");
        var v3 = Parse("FN:A\r\n", "3.0");

        Apply(v4, new FieldChange("birthday", Values.Date(new PartialDate(null, 2, 29))));
        Apply(v3, new FieldChange("birthday", Values.Date(new PartialDate(null, 2, 29))));

        Assert.Equal("--0229", v4.Find("BDAY")!.RawValue);
        Assert.Empty(v4.Find("BDAY")!.Parameters);
        Assert.Equal("--02-29", v3.Find("BDAY")!.RawValue);
    }

    [Fact]
    public void Clearing_a_field_removes_every_property_behind_it()
    {
        var card = Parse("FN:A\r\nNOTE:one\r\nNOTE:two\r\nTITLE:Boss\r\n");

        var written = Apply(card, new FieldChange("note", null), new FieldChange("title", null));

        Assert.Equal("FN:A\r\n", Body(written));
    }

    [Fact]
    public void Tags_are_added_and_removed_in_one_CATEGORIES_line()
    {
        var card = Parse("FN:A\r\nCATEGORIES:Customers,VIP\r\nNOTE:x\r\nCATEGORIES:Old\r\n");

        TagWriter.Apply(card, ["Tandem Trash", "VIP"], ["Old"]);

        Assert.Equal("FN:A\r\nNOTE:x\r\nCATEGORIES:Customers,VIP,Tandem Trash\r\n", Body(VCardWriter.Write(card)));
    }

    [Fact]
    public void Tags_that_are_already_there_leave_the_card_untouched()
    {
        var text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nCATEGORIES:a, b\r\nEND:VCARD\r\n";
        var card = VCardReader.Parse(text, "a.vcf");

        TagWriter.Apply(card, ["b"], ["c"]);

        Assert.Equal(text, VCardWriter.Write(card));
    }

    [Theory]
    [InlineData("phone", "A vCard has no field 'phone'.")]
    [InlineData("emails", "The field 'emails' takes a list of Email values.")]
    [InlineData("name.first", "The field 'name.first' takes a Text value.")]
    public void A_change_the_schema_cannot_hold_is_refused_with_the_reason(string key, string reason)
    {
        Assert.Equal(reason, VCardChangeValidator.Validate([new FieldChange(key, Values.Number(3))]));
    }

    private static ListValue List(FieldType type, params (string Label, ScalarValue Value)[] items) =>
        new(type, [.. items.Select(i => new LabelledValue(i.Label, i.Value))]);
}
