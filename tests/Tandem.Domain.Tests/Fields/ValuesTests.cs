using Tandem.Domain.Fields;

namespace Tandem.Domain.Tests.Fields;

public sealed class ValuesTests
{
    [Fact]
    public void Emails_are_trimmed_and_lower_cased() =>
        Assert.Equal("jane.doe@example.com", Values.Email("  Jane.Doe@Example.COM ").Text);

    [Theory]
    [InlineData("020 7946 0018", "GB", "+442079460018")]
    [InlineData("(020) 7946-0018", "gb", "+442079460018")]
    [InlineData("+44 20 7946 0018", null, "+442079460018")]
    [InlineData("0044 20 7946 0018", "FR", "+442079460018")]
    [InlineData("(650) 253-0000", "US", "+16502530000")]
    public void Phones_are_written_in_E164_with_the_default_region(string raw, string? region, string expected) =>
        Assert.Equal(expected, Values.Phone(raw, region).Text);

    [Fact]
    public void A_phone_without_a_region_keeps_only_its_digits() =>
        Assert.Equal("02079460018", Values.Phone("020 7946 0018").Text);

    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("100", "100")]
    [InlineData("-0", "0")]
    [InlineData("1,500,000.25", "1500000.25")]
    [InlineData("1e3", "1000")]
    [InlineData(" 42 ", "42")]
    public void Numbers_have_one_canonical_form(string raw, string expected) =>
        Assert.Equal(expected, Values.Require(FieldType.Number, raw).Text);

    [Theory]
    [InlineData("1,5")]
    [InlineData("12,34,567")]
    [InlineData("abc")]
    public void Ambiguous_or_invalid_numbers_are_refused(string raw) =>
        Assert.Null(Values.Create(FieldType.Number, raw));

    [Theory]
    [InlineData("1985-04-12", "1985-04-12")]
    [InlineData("19850412", "1985-04-12")]
    [InlineData("--04-12", "--04-12")]
    [InlineData("--0412", "--04-12")]
    [InlineData("--02-29", "--02-29")]
    [InlineData("1985-04-12T23:30:00-05:00", "1985-04-12")]
    public void Dates_keep_their_day_with_or_without_a_year(string raw, string expected) =>
        Assert.Equal(expected, Values.Require(FieldType.Date, raw).Text);

    [Theory]
    [InlineData("--13-01")]
    [InlineData("2023-02-29")]
    [InlineData("12/04/1985")]
    public void Invalid_dates_are_refused(string raw) => Assert.Null(Values.Create(FieldType.Date, raw));

    [Theory]
    [InlineData("2024-03-05T10:15:00+02:00", "2024-03-05T08:15:00Z")]
    [InlineData("2024-03-05T10:15:00Z", "2024-03-05T10:15:00Z")]
    [InlineData("2024-03-05 10:15:00", "2024-03-05T10:15:00Z")]
    public void Date_times_are_converted_to_UTC(string raw, string expected) =>
        Assert.Equal(expected, Values.Require(FieldType.DateTime, raw).Text);

    [Theory]
    [InlineData("12.50 eur", "12.5 EUR")]
    [InlineData("EUR 12.50", "12.5 EUR")]
    [InlineData("100", "100")]
    public void Money_is_an_amount_and_an_upper_case_currency(string raw, string expected) =>
        Assert.Equal(expected, Values.Require(FieldType.Money, raw).Text);

    [Fact]
    public void Money_with_an_unknown_currency_form_is_refused() => Assert.Null(Values.Create(FieldType.Money, "12 euros"));

    [Fact]
    public void Multiple_choice_options_are_sorted_and_deduplicated() =>
        Assert.Equal("a\u001Fb\u001Fc", Values.MultipleChoice(["c", " a", "b", "a"]).Text);

    [Fact]
    public void An_address_always_has_five_parts() =>
        Assert.Equal(Values.Address("1 Main St", null, null, null, null), Values.Require(FieldType.Address, "1 Main St"));

    [Fact]
    public void An_address_with_only_a_city_keeps_the_city_in_its_place() =>
        Assert.Equal(["", "Brussels", "", "", ""], Values.Parts(Values.Address("", "Brussels", "", "", "")));

    [Fact]
    public void Text_line_endings_are_unified() =>
        Assert.Equal("line one\nline two", Values.Text("line one\r\nline two\r\n").Text);

    [Theory]
    [InlineData(FieldType.Email, " A@B.com ")]
    [InlineData(FieldType.Phone, "020 7946 0018")]
    [InlineData(FieldType.Number, "1,500.10")]
    [InlineData(FieldType.Date, "--0412")]
    [InlineData(FieldType.DateTime, "2024-03-05T10:15:00.123+02:00")]
    [InlineData(FieldType.DateRange, "20240101/2024-02-01")]
    [InlineData(FieldType.Money, "EUR 3.10")]
    [InlineData(FieldType.Boolean, "Yes")]
    [InlineData(FieldType.Address, " 1 Main St \u001FLondon")]
    public void Canonical_text_is_its_own_canonical_form(FieldType type, string raw)
    {
        var once = Values.Require(type, raw, "GB");
        Assert.Equal(once.Text, Values.Require(type, once.Text, "GB").Text);
    }
}
