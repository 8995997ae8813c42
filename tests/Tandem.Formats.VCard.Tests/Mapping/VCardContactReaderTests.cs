using Tandem.Formats.VCard.Mapping;
using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Tests.Mapping;

public sealed class VCardContactReaderTests
{
    private const string Card =
        "BEGIN:VCARD\r\n" +
        "VERSION:3.0\r\n" +
        "PRODID:-//Apple Inc.//iOS 17.0//EN\r\n" +
        "REV:2024-01-02T03:04:05Z\r\n" +
        "UID:abc-123\r\n" +
        "N:Smith;John;Q.;Dr.;\r\n" +
        "FN:Dr. John Smith\r\n" +
        "ORG:Acme\\, Inc.;Sales\r\n" +
        "TITLE:Head of sales\r\n" +
        "EMAIL;TYPE=INTERNET,HOME:John@Example.com\r\n" +
        "EMAIL;TYPE=INTERNET;TYPE=WORK;TYPE=PREF:  JS@acme.example \r\n" +
        "EMAIL:third@example.com\r\n" +
        "item1.EMAIL:apple@example.com\r\n" +
        "item1.X-ABLabel:_$!<Other>!$_\r\n" +
        "TEL;TYPE=CELL,VOICE:0470 12 34 56\r\n" +
        "TEL;TYPE=WORK:+32 2 555 01 01\r\n" +
        "ADR;TYPE=WORK:PO 7;Floor 3;Rue de la Loi 16;Bruxelles;;1000;Belgium\r\n" +
        "URL:https://acme.example/john\r\n" +
        "BDAY:--05-17\r\n" +
        "NOTE:Met at the fair\\nCall back\r\n" +
        "CATEGORIES:Customers,VIP\r\n" +
        "CATEGORIES:Newsletter\r\n" +
        "X-CUSTOM:kept\r\n" +
        "END:VCARD\r\n";

    private static ContactRecord Read(string text, string? region = "BE") =>
        VCardContactReader.Read(VCardReader.Parse(text, "john.vcf"), "john.vcf", "v1", region);

    [Fact]
    public void Scalar_fields_are_read_from_N_FN_ORG_TITLE_BDAY_and_NOTE()
    {
        var record = Read(Card);

        Assert.Equal("John", Text(record, "name.first"));
        Assert.Equal("Smith", Text(record, "name.last"));
        Assert.Equal("Dr. John Smith", Text(record, "name.full"));
        Assert.Equal("Acme, Inc.", Text(record, "org"));
        Assert.Equal("Head of sales", Text(record, "title"));
        Assert.Equal("--05-17", Text(record, "birthday"));
        Assert.Equal("Met at the fair\nCall back", Text(record, "note"));
        Assert.Equal("abc-123", record.ClientReference);
        Assert.Equal("v1", record.Version);
    }

    [Fact]
    public void Emails_are_canonical_labelled_by_type_with_the_preferred_one_first()
    {
        var emails = Assert.IsType<ListValue>(Read(Card).Get("emails"));

        Assert.Equal(FieldType.Email, emails.Type);
        Assert.Equal(
            [("work", "js@acme.example"), ("home", "john@example.com"), (string.Empty, "third@example.com"), ("other", "apple@example.com")],
            emails.Items.Select(i => (i.Label, i.Value.Text)));
    }

    [Fact]
    public void Phones_are_E164_in_the_default_region_with_voice_dropped_from_the_label()
    {
        var phones = Assert.IsType<ListValue>(Read(Card, "BE").Get("phones"));

        Assert.Equal([("cell", "+32470123456"), ("work", "+3225550101")], phones.Items.Select(i => (i.Label, i.Value.Text)));
    }

    [Fact]
    public void A_version_4_PREF_orders_the_list_and_tel_uris_are_read()
    {
        var record = Read("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nTEL;VALUE=uri;TYPE=home:tel:+1-202-555-0101\r\nTEL;VALUE=uri;PREF=1;TYPE=cell:tel:+1-202-555-0102\r\nTEL;PREF=2:+1 202 555 0103\r\nEND:VCARD\r\n", null);

        var phones = Assert.IsType<ListValue>(record.Get("phones"));
        Assert.Equal([("cell", "+12025550102"), (string.Empty, "+12025550103"), ("home", "+12025550101")], phones.Items.Select(i => (i.Label, i.Value.Text)));
    }

    [Fact]
    public void Addresses_keep_street_city_region_postal_code_and_country()
    {
        var addresses = Assert.IsType<ListValue>(Read(Card).Get("addresses"));

        var item = Assert.Single(addresses.Items);
        Assert.Equal("work", item.Label);
        Assert.Equal(Values.Address("Rue de la Loi 16", "Bruxelles", null, "1000", "Belgium"), item.Value);
    }

    [Fact]
    public void Categories_of_every_line_are_the_tags()
    {
        Assert.Equal(["Customers", "Newsletter", "VIP"], Read(Card).Tags);
    }

    [Fact]
    public void REV_and_PRODID_are_not_content()
    {
        var touched = Card
            .Replace("REV:2024-01-02T03:04:05Z", "REV:2025-12-31T23:59:59Z", StringComparison.Ordinal)
            .Replace("PRODID:-//Apple Inc.//iOS 17.0//EN", "PRODID:-//Other//EN", StringComparison.Ordinal);

        var before = Read(Card);
        var after = Read(touched);

        Assert.Equal(before.Fields.OrderBy(f => f.Key, StringComparer.Ordinal), after.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal(before.Tags, after.Tags);
        Assert.DoesNotContain(before.Fields.Values, v => v is ScalarValue s && (s.Text.Contains("2024", StringComparison.Ordinal) || s.Text.Contains("Apple", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_card_with_only_FN_has_only_a_full_name()
    {
        var record = Read("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Solo\r\nEND:VCARD\r\n");

        Assert.Equal(["name.full"], record.Fields.Keys);
        Assert.Empty(record.Tags);
        Assert.Null(record.ClientReference);
    }

    private static string? Text(ContactRecord record, string key) => (record.Get(key) as ScalarValue)?.Text;
}
