using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using static Tandem.Domain.Tests.TestSchemas;

namespace Tandem.Domain.Tests.Mapping;

public sealed class CompoundFieldTests
{
    private static MappingRow Row(string a, string b, MappingDirection direction = MappingDirection.Both)
    {
        var compiled = MappingCompiler.Compile([new FieldMapping(a, b) { Direction = direction }], Crm, Book);
        Assert.Empty(compiled.Refused);
        return Assert.Single(compiled.Mapping.Rows);
    }

    [Fact]
    public void Expansion_adds_start_end_and_currency_parts()
    {
        var expanded = SchemaExpansion.Expand(Crm);

        Assert.Equal(FieldType.Date, expanded.Find("deal_period/Start")!.Type);
        Assert.Equal(FieldType.Date, expanded.Find("deal_period/End")!.Type);
        Assert.Equal(FieldType.Text, expanded.Find("budget/Currency")!.Type);
        Assert.Equal("Budget (currency)", expanded.Find("budget/Currency")!.Label);
        Assert.Equal(Crm.Fields.Count + 3, expanded.Fields.Count);
    }

    [Fact]
    public void Expanding_twice_adds_nothing_more() =>
        Assert.Equal(Crm.Fields.Count + 3, SchemaExpansion.Expand(SchemaExpansion.Expand(Crm)).Fields.Count);

    [Fact]
    public void Virtual_keys_compile_against_an_expanded_schema_too()
    {
        var compiled = MappingCompiler.Compile([new FieldMapping("deal_period/End", "start")], SchemaExpansion.Expand(Crm), Book);
        var record = Record(("deal_period", Values.Require(FieldType.DateRange, "2024-01-01/2024-03-31")));

        Assert.Equal("2024-03-31", Assert.Single(compiled.Mapping.Rows).Read(Side.A, record));
    }

    [Fact]
    public void The_start_of_a_range_reads_as_a_date()
    {
        var record = Record(("deal_period", Values.Require(FieldType.DateRange, "2024-01-01/2024-03-31")));

        Assert.Equal("2024-01-01", Row("deal_period/Start", "start").Read(Side.A, record));
    }

    [Fact]
    public void Writing_the_start_of_a_range_keeps_its_end()
    {
        var record = Record(("deal_period", Values.Require(FieldType.DateRange, "2024-01-01/2024-03-31")));

        var change = Assert.Single(Row("deal_period/Start", "start").Write(Side.A, "2024-02-15", record));

        Assert.Equal(new FieldChange("deal_period", Values.Require(FieldType.DateRange, "2024-02-15/2024-03-31")), change);
    }

    [Fact]
    public void Writing_the_start_of_a_new_range_uses_it_for_both_ends()
    {
        var change = Assert.Single(Row("deal_period/Start", "start").Write(Side.A, "2024-02-15", null));

        Assert.Equal("2024-02-15/2024-02-15", change.Value!.Canonical);
    }

    [Fact]
    public void Money_mapped_to_a_number_carries_the_amount_and_keeps_the_currency()
    {
        var row = Row("budget", "amount");
        var record = Record(("budget", Values.Money(1200m, "EUR")));

        Assert.Equal("1200", row.Read(Side.A, record));
        Assert.Equal([new FieldChange("budget", Values.Money(1500m, "EUR"))], row.Write(Side.A, "1500", record));
    }

    [Fact]
    public void The_currency_part_reads_and_writes_the_currency_only()
    {
        var row = Row("budget/Currency", "text");
        var record = Record(("budget", Values.Money(1200m, "EUR")));

        Assert.Equal("EUR", row.Read(Side.A, record));
        Assert.Equal([new FieldChange("budget", Values.Money(1200m, "USD"))], row.Write(Side.A, "USD", record));
    }

    [Fact]
    public void Text_paired_with_a_currency_reads_in_the_currency_form_so_it_never_ping_pongs()
    {
        var row = Row("budget/Currency", "text");
        var book = Record(("text", Values.Text("usd")));

        Assert.Equal("USD", row.Read(Side.B, book));
        Assert.Empty(row.Write(Side.B, "USD", book));
    }

    [Fact]
    public void Multiple_choice_to_text_is_one_comma_separated_value_of_labels()
    {
        var row = Row("interests", "text", MappingDirection.AToB);
        var record = Record(("interests", Values.MultipleChoice(["c", "a"])));

        Assert.Equal("Apples, Cherries", row.Read(Side.A, record));
        Assert.Equal([new FieldChange("text", Values.Text("Apples, Cherries"))], row.Write(Side.B, "Apples, Cherries", null));
    }
}
