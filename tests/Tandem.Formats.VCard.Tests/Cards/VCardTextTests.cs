using Tandem.Formats.VCard.Cards;

namespace Tandem.Formats.VCard.Tests.Cards;

public sealed class VCardTextTests
{
    [Fact]
    public void Escaping_covers_backslash_comma_semicolon_and_every_newline_style()
    {
        Assert.Equal(@"a\\b\,c\;d\ne\nf\ng", VCardText.Escape("a\\b,c;d\ne\r\nf\rg"));
    }

    [Fact]
    public void Unescaping_reverses_escaping_and_accepts_capital_N_and_escaped_colons()
    {
        Assert.Equal("a\\b,c;d\ne\nf:g", VCardText.Unescape(@"a\\b\,c\;d\ne\Nf\:g"));
    }

    [Fact]
    public void An_unknown_escape_is_kept_as_written()
    {
        Assert.Equal(@"C:\temp", VCardText.Unescape(@"C:\temp"));
    }

    [Fact]
    public void Structured_values_split_on_unescaped_semicolons_only()
    {
        Assert.Equal(["Smith\\", "John;Paul", "", "Dr."], VCardText.Components(@"Smith\\;John\;Paul;;Dr."));
    }

    [Fact]
    public void Lists_split_on_unescaped_commas_only()
    {
        Assert.Equal(["a", @"b\,c", "d"], VCardText.SplitRaw(@"a,b\,c,d", ','));
    }
}
