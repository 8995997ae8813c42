using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using static Tandem.Domain.Tests.TestSchemas;

namespace Tandem.Domain.Tests.Mapping;

public sealed class MappingCompilerTests
{
    [Fact]
    public void Enabled_mappings_become_rows_with_their_effective_direction()
    {
        var compiled = MappingCompiler.Compile(
            [new FieldMapping("org", "company"), new FieldMapping("age", "text"), new FieldMapping("created", "text2")],
            Crm,
            Book);

        Assert.Equal(["org|company", "age|text", "created|text2"], compiled.Mapping.Rows.Select(r => r.Key));
        Assert.Equal([MappingDirection.Both, MappingDirection.AToB, MappingDirection.AToB], compiled.Mapping.Rows.Select(r => r.Direction));
        Assert.Empty(compiled.Refused);
    }

    [Fact]
    public void Narrowed_mappings_are_reported_with_the_reason()
    {
        var compiled = MappingCompiler.Compile([new FieldMapping("deals", "amount")], Crm, Book);

        var narrowed = Assert.Single(compiled.Narrowed);
        Assert.Equal(MappingDirection.AToB, narrowed.Direction);
        Assert.Equal("One way only: “Open deals” is read-only, so it can only be a source.", narrowed.Reason);
    }

    [Fact]
    public void Disabled_mappings_are_left_out_silently()
    {
        var compiled = MappingCompiler.Compile([new FieldMapping("org", "company") { Enabled = false }], Crm, Book);

        Assert.Empty(compiled.Mapping.Rows);
        Assert.Empty(compiled.Refused);
    }

    [Fact]
    public void Unknown_and_incompatible_mappings_are_refused_with_reasons()
    {
        var compiled = MappingCompiler.Compile(
            [new FieldMapping("nope", "company"), new FieldMapping("age", "flag"), new FieldMapping("created", "updated")],
            Crm,
            Book);

        Assert.Equal(
            [
                "The first app has no field 'nope'.",
                "“Age” and “Flag”: A number cannot be stored in a yes/no field.",
                "“Created” and “Updated”: Both fields are read-only, so neither can be written.",
            ],
            compiled.Refused.Select(r => r.Reason));
    }

    [Fact]
    public void Two_mappings_filling_the_same_field_are_refused()
    {
        var compiled = MappingCompiler.Compile([new FieldMapping("org", "text"), new FieldMapping("notes", "text")], Crm, Book);

        Assert.Equal("That field is already filled by the mapping Organisation ↔ Free text.", Assert.Single(compiled.Refused).Reason);
    }

    [Fact]
    public void Different_parts_of_one_field_may_be_filled_by_different_mappings()
    {
        var compiled = MappingCompiler.Compile([new FieldMapping("deal_period/Start", "start"), new FieldMapping("deal_period/End", "bday")], Crm, Book);

        Assert.Equal(2, compiled.Mapping.Rows.Count);
        Assert.Empty(compiled.Refused);
    }

    [Fact]
    public void A_mapping_listed_twice_is_refused_once() =>
        Assert.Single(MappingCompiler.Compile([new FieldMapping("org", "company"), new FieldMapping("org", "company")], Crm, Book).Refused);

    [Fact]
    public void The_email_fields_are_the_lists_with_the_emails_role()
    {
        var compiled = MappingCompiler.Compile([], Crm, Book);

        Assert.Equal(("email", "emails"), (compiled.Mapping.EmailFieldA, compiled.Mapping.EmailFieldB));
        Assert.True(compiled.IsUsable);
    }

    [Fact]
    public void A_scalar_email_field_is_used_when_no_field_has_the_emails_role()
    {
        var list = new AppSchema([new FieldDefinition("email_address", "Email", FieldType.Email)]);

        Assert.Equal("email_address", MappingCompiler.Compile([], Crm, list).Mapping.EmailFieldB);
    }

    [Fact]
    public void A_side_without_an_email_field_is_a_problem()
    {
        var compiled = MappingCompiler.Compile([], Crm, new AppSchema([new FieldDefinition("name", "Name", FieldType.Text)]));

        Assert.False(compiled.IsUsable);
        Assert.Equal(["The second app has no email field, so its contacts cannot be matched."], compiled.Problems);
    }

    [Fact]
    public void Default_mappings_pair_fields_by_role() =>
        Assert.Equal(
            [
                new FieldMapping("$name", "$name"), new FieldMapping("email", "emails"), new FieldMapping("phone", "phones"),
                new FieldMapping("org", "company"), new FieldMapping("birthday", "bday"),
            ],
            DefaultMappings.For(Crm, Book));

    [Fact]
    public void Default_mappings_compile_without_refusals()
    {
        var compiled = MappingCompiler.Compile(DefaultMappings.For(Crm, Book), Crm, Book);

        Assert.Equal(5, compiled.Mapping.Rows.Count);
        Assert.Empty(compiled.Refused);
        Assert.All(compiled.Mapping.Rows, r => Assert.Equal(MappingDirection.Both, r.Direction));
    }

    [Fact]
    public void Rows_write_nothing_against_their_direction()
    {
        var row = Assert.Single(MappingCompiler.Compile([new FieldMapping("age", "text")], Crm, Book).Mapping.Rows);

        Assert.Empty(row.Write(Side.A, "12", null));
    }

    [Fact]
    public void Text_carried_into_an_email_field_must_be_an_email_and_reads_lower_cased()
    {
        var row = Assert.Single(MappingCompiler.Compile([new FieldMapping("notes", "contact_email")], Crm, Book).Mapping.Rows);

        Assert.Equal("jane@example.com", row.Read(Side.A, Record(("notes", Values.Text("Jane@Example.com")))));
        Assert.Null(row.Read(Side.A, Record(("notes", Values.Text("call Jane on Monday")))));
    }

    [Fact]
    public void Text_carried_into_a_phone_field_is_read_in_E164_with_the_sources_region()
    {
        var row = Assert.Single(MappingCompiler.Compile([new FieldMapping("notes", "mobile")], Crm, Book, defaultRegionA: "GB").Mapping.Rows);

        Assert.Equal("+442079460018", row.Read(Side.A, Record(("notes", Values.Text("020 7946 0018")))));
    }

    [Fact]
    public void Patched_records_let_part_rows_see_each_others_changes()
    {
        var rows = MappingCompiler.Compile([new FieldMapping("deal_period/Start", "start"), new FieldMapping("deal_period/End", "bday")], Crm, Book).Mapping.Rows;

        var record = RecordPatch.Apply(Record(), rows[0].Write(Side.A, "2024-01-01", null));
        record = RecordPatch.Apply(record, rows[1].Write(Side.A, "2024-06-30", record));

        Assert.Equal("2024-01-01/2024-06-30", record.Get("deal_period")!.Canonical);
    }
}
