using System.Text;
using Tandem.Formats.VCard.Cards;

namespace Tandem.Formats.VCard.Tests.Cards;

public sealed class VCardWriterTests
{
    private const string Card30 =
        "BEGIN:VCARD\r\n" +
        "VERSION:3.0\r\n" +
        "PRODID:-//Apple Inc.//iOS 17.0//EN\r\n" +
        "N:Smith;John;Q.;Dr.;Jr.\r\n" +
        "FN:Dr. John Q. Smith\\, Jr.\r\n" +
        "item1.EMAIL;type=INTERNET;type=WORK;type=pref:john@example.com\r\n" +
        "item1.X-ABLabel:_$!<Other>!$_\r\n" +
        "TEL;TYPE=\"cell,voice\":+32 470 12 34 56\r\n" +
        "NOTE:A long note with a comma\\, a semicolon\\; a backslash \\\\ and a newline\\n\r\n" +
        "  that was folded by the writer\r\n" +
        "X-SOCIALPROFILE;type=twitter:x-apple:johnsmith\r\n" +
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n" +
        " /2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR8eHR\r\n" +
        "END:VCARD\r\n";

    private const string Card40 =
        "BEGIN:VCARD\n" +
        "VERSION:4.0\n" +
        "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\n" +
        "FN:Jane Doe\n" +
        "N:Doe;Jane;;;\n" +
        "EMAIL;TYPE=work;PREF=1:jane@example.com\n" +
        "TEL;VALUE=uri;TYPE=\"voice,home\":tel:+1-555-555-5555;ext=5555\n" +
        "BDAY:--0517\n" +
        "CATEGORIES:friends,work\\,colleagues\n" +
        "END:VCARD\n";

    [Theory]
    [InlineData(Card30)]
    [InlineData(Card40)]
    public void An_unchanged_card_is_written_back_byte_for_byte(string text)
    {
        Assert.Equal(text, VCardWriter.Write(VCardReader.Parse(text, "a.vcf")));
    }

    [Fact]
    public void A_changed_property_is_serialised_with_its_group_and_parameters()
    {
        var card = VCardReader.Parse(Card30, "a.vcf");
        var index = card.Properties.FindIndex(p => p.Is("EMAIL"));
        card.Properties[index] = card.Properties[index].WithValue("new@example.com");

        var written = VCardWriter.Write(card);

        Assert.Contains("\r\nitem1.EMAIL;type=INTERNET;type=WORK;type=pref:new@example.com\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_values_with_separators_are_quoted()
    {
        var property = new VCardProperty(null, "ADR", [new VCardParameter("LABEL", ["1 Main St; Springfield"]), new VCardParameter("TYPE", ["work", "home"])], ";;1 Main St;;;;");

        Assert.Equal("ADR;LABEL=\"1 Main St; Springfield\";TYPE=work,home:;;1 Main St;;;;", VCardWriter.Serialize(property, version4: true));
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var value = string.Concat(Enumerable.Repeat("é日😀a", 40));
        var line = "NOTE:" + value;

        var folded = VCardFolding.Fold(line, "\r\n");

        var physical = folded.Split("\r\n");
        Assert.True(physical.Length > 1);
        Assert.All(physical, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 75));
        Assert.All(physical.Skip(1), p => Assert.StartsWith(" ", p, StringComparison.Ordinal));
        Assert.All(physical, p => Assert.DoesNotContain('\uFFFD', p));
        Assert.Equal(line, string.Concat(physical.Select((p, i) => i == 0 ? p : p[1..])));
    }

    [Fact]
    public void A_folded_card_reads_back_to_the_same_value()
    {
        var note = string.Concat(Enumerable.Repeat("Ünïcødé, ; \\ text 😀 ", 20));
        var card = VCardCard.CreateVersion4();
        card.Properties.Add(new VCardProperty(null, "NOTE", [], VCardText.Escape(note)));

        var reread = VCardReader.Parse(VCardWriter.Write(card), "a.vcf");

        Assert.Equal(note, VCardText.Unescape(reread.Find("NOTE")!.RawValue));
    }

    [Fact]
    public void A_short_line_is_not_folded()
    {
        var line = "FN:" + new string('x', 72);

        Assert.Equal(line, VCardFolding.Fold(line, "\r\n"));
    }
}
