using System.Collections.Immutable;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Formats.VCard.Cards;
using Tandem.Formats.VCard.Mapping;

namespace Tandem.Formats.VCard.Tests.Mapping;

public sealed class VCardPersonalPropertiesTests
{
    private static VCardCard Parse(string body, string version) =>
        VCardReader.Parse($"BEGIN:VCARD\r\nVERSION:{version}\r\nFN:Gigi Rossi\r\n{body}END:VCARD\r\n", "a.vcf");

    private static ContactRecord Read(VCardCard card) => VCardContactReader.Read(card, "a", "1", null);

    private static string Written(string version, params FieldChange[] changes)
    {
        var card = Parse(string.Empty, version);
        VCardContactWriter.Apply(card, changes, null);
        return VCardWriter.Write(card);
    }

    private static ListValue List(FieldType type, params (string Label, string Value)[] items) =>
        new(type, [.. items.Select(i => new LabelledValue(i.Label, Values.Require(type, i.Value)))]);

    [Fact]
    public void Nickname_anniversary_department_gender_and_pronouns_are_read_from_a_4_0_card()
    {
        var record = Read(Parse("NICKNAME:Gigi\r\nANNIVERSARY:20100612\r\nORG:Acme;Research\r\nGENDER:F\r\nPRONOUNS:she/her\r\n", "4.0"));

        Assert.Equal("Gigi", record.Get("nickname")?.Canonical);
        Assert.Equal("2010-06-12", record.Get("anniversary")?.Canonical);
        Assert.Equal("Acme", record.Get("org")?.Canonical);
        Assert.Equal("Research", record.Get("org.department")?.Canonical);
        Assert.Equal("female", record.Get("gender")?.Canonical);
        Assert.Equal("she/her", record.Get("pronouns")?.Canonical);
    }

    [Fact]
    public void A_3_0_card_keeps_its_anniversary_in_X_ANNIVERSARY()
    {
        Assert.Equal("2010-06-12", Read(Parse("X-ANNIVERSARY:2010-06-12\r\n", "3.0")).Get("anniversary")?.Canonical);
        Assert.Contains("X-ANNIVERSARY:2010-06-12\r\n", Written("3.0", new FieldChange("anniversary", Values.Require(FieldType.Date, "2010-06-12"))), StringComparison.Ordinal);
        Assert.Contains("ANNIVERSARY:20100612\r\n", Written("4.0", new FieldChange("anniversary", Values.Require(FieldType.Date, "2010-06-12"))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_gender_in_words_is_written_as_the_letter_or_as_other_with_the_words()
    {
        Assert.Contains("GENDER:M\r\n", Written("4.0", new FieldChange("gender", Values.Text("male"))), StringComparison.Ordinal);
        Assert.Contains("GENDER:O;non-binary\r\n", Written("4.0", new FieldChange("gender", Values.Text("non-binary"))), StringComparison.Ordinal);
        Assert.Equal("non-binary", Read(Parse("GENDER:O;non-binary\r\n", "4.0")).Get("gender")?.Canonical);
    }

    [Fact]
    public void A_department_is_written_into_ORG_after_the_organisation_and_removing_it_keeps_the_name()
    {
        var card = Parse("ORG:Acme\r\n", "4.0");

        VCardContactWriter.Apply(card, [new FieldChange("org.department", Values.Text("Research"))], null);
        Assert.Contains("ORG:Acme;Research\r\n", VCardWriter.Write(card), StringComparison.Ordinal);
        VCardContactWriter.Apply(card, [new FieldChange("org.department", null)], null);
        Assert.Contains("ORG:Acme\r\n", VCardWriter.Write(card), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nickname_list_keeps_its_commas_as_separators()
    {
        Assert.Contains("NICKNAME:Gigi,Gi\r\n", Written("3.0", new FieldChange("nickname", Values.Text("Gigi,Gi"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Related_people_instant_messaging_and_social_profiles_are_labelled_lists()
    {
        var record = Read(Parse(
            "RELATED;TYPE=spouse;VALUE=text:Marco Rossi\r\nIMPP;TYPE=work:xmpp:gigi@example.com\r\nX-SOCIALPROFILE;TYPE=twitter:https://twitter.com/gigi\r\n", "4.0"));

        Assert.Equal(List(FieldType.Text, ("spouse", "Marco Rossi")), record.Get("related"));
        Assert.Equal(List(FieldType.Url, ("work", "xmpp:gigi@example.com")), record.Get("im"));
        Assert.Equal(List(FieldType.Url, ("twitter", "https://twitter.com/gigi")), record.Get("social"));
    }

    [Fact]
    public void A_related_name_written_into_a_4_0_card_says_it_is_text()
    {
        var written = Written("4.0", new FieldChange("related", List(FieldType.Text, ("spouse", "Marco Rossi"))));

        Assert.Contains("RELATED;VALUE=text;TYPE=spouse:Marco Rossi\r\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void X_properties_are_custom_properties_labelled_by_name_except_grouped_ones_and_those_other_fields_own()
    {
        var record = Read(Parse("X-BENCH-TEAM:Blue\r\nx-shoe-size:42\r\nitem1.X-ABLabel:Other\r\nX-ANNIVERSARY:2010-06-12\r\n", "3.0"));

        Assert.Equal(List(FieldType.Text, ("X-BENCH-TEAM", "Blue"), ("X-SHOE-SIZE", "42")), record.Get("custom"));
    }

    [Fact]
    public void Writing_custom_properties_keeps_an_unchanged_one_as_it_was_and_replaces_a_changed_one()
    {
        var card = Parse("X-TEAM;X-SOURCE=crm:Blue\r\nX-FLOOR:3\r\n", "3.0");

        VCardContactWriter.Apply(card, [new FieldChange("custom", List(FieldType.Text, ("X-TEAM", "Blue"), ("X-FLOOR", "4"), ("X-DESK", "12")))], null);
        var text = VCardWriter.Write(card);

        Assert.Contains("X-TEAM;X-SOURCE=crm:Blue\r\n", text, StringComparison.Ordinal);
        Assert.Contains("X-FLOOR:4\r\n", text, StringComparison.Ordinal);
        Assert.Contains("X-DESK:12\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("X-FLOOR:3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_entry_whose_label_is_not_an_X_name_is_not_written()
    {
        var written = Written("3.0", new FieldChange("custom", List(FieldType.Text, ("Team", "Blue"), ("X-ANNIVERSARY", "2010-06-12"))));

        Assert.DoesNotContain("Blue", written, StringComparison.Ordinal);
        Assert.DoesNotContain("ANNIVERSARY", written, StringComparison.Ordinal);
    }
}
