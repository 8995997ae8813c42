using Tandem.Formats.VCard.Cards;

namespace Tandem.Formats.VCard.Tests.Cards;

public sealed class VCardReaderTests
{
    [Fact]
    public void A_folded_line_is_unfolded_by_dropping_the_line_break_and_one_space_or_tab()
    {
        var card = VCardReader.Parse("BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:This is a lo\r\n ng note\r\n\t that goes on\r\nEND:VCARD\r\n", "a.vcf");

        Assert.Equal("This is a long note that goes on", card.Find("NOTE")!.RawValue);
    }

    [Fact]
    public void Groups_parameters_and_values_are_read_apart()
    {
        var card = VCardReader.Parse(
            "BEGIN:VCARD\nVERSION:3.0\nitem1.EMAIL;TYPE=work,home;TYPE=PREF:a@b.c\nTEL;TYPE=WORK;TYPE=VOICE:+32 2 555 01 01\nEND:VCARD\n", "a.vcf");

        var email = card.Find("EMAIL")!;
        Assert.Equal("item1", email.Group);
        Assert.Equal(["work", "home", "PREF"], email.ParameterValues("type"));
        Assert.Equal("a@b.c", email.RawValue);
        Assert.Equal(["WORK", "VOICE"], card.Find("TEL")!.ParameterValues("TYPE"));
        Assert.Equal("\n", card.LineBreak);
    }

    [Fact]
    public void A_quoted_parameter_value_may_hold_colons_semicolons_and_commas()
    {
        var card = VCardReader.Parse("BEGIN:VCARD\r\nVERSION:4.0\r\nADR;LABEL=\"1 Main St; Springfield, IL: USA\";TYPE=home:;;1 Main St;Springfield;IL;62701;USA\r\nEND:VCARD\r\n", "a.vcf");

        var adr = card.Find("ADR")!;
        Assert.Equal(["1 Main St; Springfield, IL: USA"], adr.ParameterValues("LABEL"));
        Assert.Equal(";;1 Main St;Springfield;IL;62701;USA", adr.RawValue);
    }

    [Fact]
    public void Caret_encoded_parameter_values_are_decoded()
    {
        var card = VCardReader.Parse("BEGIN:VCARD\r\nVERSION:4.0\r\nADR;LABEL=\"Line 1^nLine ^'2^' ^^\":;;x;;;;\r\nEND:VCARD\r\n", "a.vcf");

        Assert.Equal(["Line 1\nLine \"2\" ^"], card.Find("ADR")!.ParameterValues("LABEL"));
    }

    [Fact]
    public void Version_2_1_bare_parameters_and_quoted_printable_values_are_read()
    {
        var card = VCardReader.Parse(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nTEL;WORK;VOICE:555\r\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=C3=A9 au =\r\nlait\r\nEND:VCARD\r\n", "old.vcf");

        Assert.Equal(["WORK", "VOICE"], card.Find("TEL")!.ParameterValues("TYPE"));
        var note = card.Find("NOTE")!;
        Assert.Equal("Café au lait", note.RawValue);
        Assert.Empty(note.ParameterValues("ENCODING"));
    }

    [Fact]
    public void A_byte_order_mark_and_blank_lines_are_tolerated()
    {
        var card = VCardReader.Parse("\uFEFFBEGIN:VCARD\r\n\r\nVERSION:3.0\r\nFN:A\r\n\r\nEND:VCARD\r\n\r\n", "a.vcf");

        Assert.Equal(["VERSION", "FN"], card.Properties.Select(p => p.Name));
    }

    [Fact]
    public void A_card_without_a_version_is_read_as_3_0()
    {
        var card = VCardReader.Parse("BEGIN:VCARD\nFN:A\nEND:VCARD\n", "a.vcf");

        Assert.Equal("3.0", card.Version);
        Assert.False(card.IsVersion4);
    }

    [Theory]
    [InlineData("", 1, "the file is empty; a card starts with BEGIN:VCARD.")]
    [InlineData("FN:A\r\nEND:VCARD\r\n", 1, "expected BEGIN:VCARD.")]
    [InlineData("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\n", 3, "the card has no END:VCARD (the file may be truncated).")]
    [InlineData("BEGIN:VCARD\r\nVERSION:4.0\r\nthis line has no colon\r\nEND:VCARD\r\n", 3, "the line has no ':' between the property name and its value.")]
    [InlineData("BEGIN:VCARD\r\nVERSION:4.0\r\nE MAIL:a@b.c\r\nEND:VCARD\r\n", 3, "the property name is missing or holds characters other than letters, digits and '-'.")]
    [InlineData("BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL;TYPE=\"work:a@b.c\r\nEND:VCARD\r\n", 3, "a quoted parameter value is not closed.")]
    [InlineData("BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n", 4, "the file holds more than one card; the vdir layout keeps one card per file.")]
    [InlineData("BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nFN:B\r\n", 4, "unexpected content after END:VCARD.")]
    [InlineData("BEGIN:VCARD\r\nAGENT:\r\nBEGIN:VCARD\r\nEND:VCARD\r\nEND:VCARD\r\n", 3, "a nested BEGIN:VCARD (a 2.1 AGENT card) is not supported.")]
    public void A_malformed_card_fails_with_the_file_name_line_and_problem(string text, int line, string problem)
    {
        var error = Assert.Throws<VCardParseException>(() => VCardReader.Parse(text, "broken.vcf"));

        Assert.Equal("broken.vcf", error.FileName);
        Assert.Equal(line, error.LineNumber);
        Assert.Equal(problem, error.Problem);
        Assert.Equal($"broken.vcf, line {line}: {problem}", error.Message);
    }

    [Fact]
    public void A_parse_error_does_not_quote_the_offending_line()
    {
        var error = Assert.Throws<VCardParseException>(() => VCardReader.Parse("BEGIN:VCARD\r\nsecret-person@example.com\r\nEND:VCARD\r\n", "x.vcf"));

        Assert.DoesNotContain("secret-person", error.Message, StringComparison.Ordinal);
    }
}
