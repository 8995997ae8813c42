using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using static Tandem.Domain.Tests.TestSchemas;

namespace Tandem.Domain.Tests.Mapping;

public sealed class ValueTableTests
{
    private static MappingRow Row(FieldMapping mapping) => Assert.Single(MappingCompiler.Compile([mapping], Crm, Book).Mapping.Rows);

    [Fact]
    public void Prefill_pairs_options_by_label_ignoring_case_and_spaces() =>
        Assert.Equal(
            new Dictionary<string, string> { ["1"] = "hot", ["2"] = "warm", ["3"] = "cold" },
            ValueTables.Prefill(CrmStatuses, BookStatuses));

    [Fact]
    public void Prefill_uses_each_target_option_once() =>
        Assert.Equal(
            new Dictionary<string, string> { ["1"] = "t" },
            ValueTables.Prefill([new("1", "Hot"), new("2", "hot")], [new("t", "HOT")]));

    [Fact]
    public void A_choice_reads_as_side_As_option_on_both_sides()
    {
        var row = Row(new FieldMapping("status", "stage"));

        Assert.Equal("2", row.Read(Side.A, Record(("status", Values.Require(FieldType.SingleChoice, "2")))));
        Assert.Equal("2", row.Read(Side.B, Record(("stage", Values.Require(FieldType.SingleChoice, "warm")))));
    }

    [Fact]
    public void Writing_a_choice_into_side_B_translates_it() =>
        Assert.Equal([new FieldChange("stage", Values.Require(FieldType.SingleChoice, "cold"))], Row(new FieldMapping("status", "stage")).Write(Side.B, "3", null));

    [Fact]
    public void An_option_without_a_table_entry_reads_as_empty()
    {
        var row = Row(new FieldMapping("status", "stage"));

        Assert.Null(row.Read(Side.A, Record(("status", Values.Require(FieldType.SingleChoice, "4")))));
        Assert.Null(row.Read(Side.B, Record(("stage", Values.Require(FieldType.SingleChoice, "vip")))));
    }

    [Fact]
    public void An_option_without_a_table_entry_is_not_written() =>
        Assert.Empty(Row(new FieldMapping("status", "stage")).Write(Side.B, "4", null));

    [Fact]
    public void A_user_table_replaces_the_prefilled_one() =>
        Assert.Equal(
            [new FieldChange("stage", Values.Require(FieldType.SingleChoice, "vip"))],
            Row(new FieldMapping("status", "stage") { ValueTable = new Dictionary<string, string> { ["1"] = "vip" } }).Write(Side.B, "1", null));

    [Fact]
    public void Several_options_mapped_to_one_read_as_the_first_and_are_left_alone()
    {
        var row = Row(new FieldMapping("status", "stage") { ValueTable = new Dictionary<string, string> { ["1"] = "hot", ["2"] = "hot" } });
        var warmInA = Record(("status", Values.Require(FieldType.SingleChoice, "2")));

        Assert.Equal("1", row.Read(Side.A, warmInA));
        Assert.Equal("1", row.Read(Side.B, Record(("stage", Values.Require(FieldType.SingleChoice, "hot")))));
        Assert.Empty(row.Write(Side.A, "1", warmInA));
    }

    [Fact]
    public void Multiple_choices_translate_each_option_and_keep_unmapped_ones()
    {
        var row = Row(new FieldMapping("interests", "tags"));
        var book = Record(("tags", Values.MultipleChoice(["x", "z"])));

        Assert.Equal("a", row.Read(Side.B, book));
        Assert.Equal([new FieldChange("tags", Values.MultipleChoice(["x", "y", "z"]))], row.Write(Side.B, "a\u001Fb", book));
    }

    [Fact]
    public void Table_entries_naming_options_that_no_longer_exist_are_dropped()
    {
        var row = Row(new FieldMapping("status", "stage") { ValueTable = new Dictionary<string, string> { ["1"] = "gone", ["2"] = "warm" } });

        Assert.Null(row.Read(Side.A, Record(("status", Values.Require(FieldType.SingleChoice, "1")))));
    }
}
