using System.Collections.Immutable;
using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Tests.Cards;

public sealed class VCardDateTests
{
    [Theory]
    [InlineData("19850517", "1985-05-17")]
    [InlineData("1985-05-17", "1985-05-17")]
    [InlineData("1985-05-17T23:30:00Z", "1985-05-17")]
    [InlineData("19850517T233000-0800", "1985-05-17")]
    [InlineData("--0517", "--05-17")]
    [InlineData("--05-17", "--05-17")]
    [InlineData("0000-05-17", "--05-17")]
    public void Birthdays_keep_their_calendar_date_and_never_shift(string value, string expected)
    {
        var date = VCardDate.Parse(new VCardProperty(null, "BDAY", [], value));

        Assert.Equal(expected, date?.ToString());
    }

    [Fact]
    public void An_Apple_placeholder_year_means_no_year()
    {
        var property = new VCardProperty(null, "BDAY", [new VCardParameter("X-APPLE-OMIT-YEAR", ["1604"])], "1604-05-17");

        Assert.Equal("--05-17", VCardDate.Parse(property)?.ToString());
    }

    [Theory]
    [InlineData("circa 1800")]
    [InlineData("1985")]
    [InlineData("--1317")]
    public void A_value_that_is_not_a_day_of_a_month_is_no_date(string value)
    {
        Assert.Null(VCardDate.Parse(new VCardProperty(null, "BDAY", ImmutableArray<VCardParameter>.Empty, value)));
    }

    [Theory]
    [InlineData(1985, true, "19850517")]
    [InlineData(null, true, "--0517")]
    [InlineData(1985, false, "1985-05-17")]
    [InlineData(null, false, "--05-17")]
    public void Dates_are_written_in_the_form_of_the_card_version(int? year, bool version4, string expected)
    {
        Assert.Equal(expected, VCardDate.Format(new PartialDate(year, 5, 17), version4));
    }
}
