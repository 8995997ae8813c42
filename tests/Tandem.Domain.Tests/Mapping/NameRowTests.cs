using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using static Tandem.Domain.Tests.TestSchemas;

namespace Tandem.Domain.Tests.Mapping;

public sealed class NameRowTests
{
    private static readonly MappingRow Join = Compile(Crm, Book);

    private static MappingRow Compile(AppSchema a, AppSchema b) =>
        Assert.Single(MappingCompiler.Compile([new FieldMapping(FieldMapping.NameKey, FieldMapping.NameKey)], a, b).Mapping.Rows);

    private static Contacts.ContactRecord Person(string? first, string? last)
    {
        var fields = new List<(string, FieldValue)>();
        if (first is not null)
        {
            fields.Add(("first_name", Values.Text(first)));
        }

        if (last is not null)
        {
            fields.Add(("last_name", Values.Text(last)));
        }

        return Record([.. fields]);
    }

    [Fact]
    public void First_and_last_names_read_as_one_tidy_full_name() =>
        Assert.Equal("John Smith", Join.Read(Side.A, Person("John", "  Smith")));

    [Fact]
    public void A_full_name_reads_with_single_spaces() =>
        Assert.Equal("John Smith", Join.Read(Side.B, Record(("name", Values.Text(" John   Smith ")))));

    [Fact]
    public void Changing_the_full_name_updates_only_the_last_name() =>
        Assert.Equal([new FieldChange("last_name", Values.Text("Smyth"))], Join.Write(Side.A, "John Smyth", Person("John", "Smith")));

    [Fact]
    public void Changing_the_full_name_updates_only_the_first_name() =>
        Assert.Equal([new FieldChange("first_name", Values.Text("Johnny"))], Join.Write(Side.A, "Johnny Smith", Person("John", "Smith")));

    [Fact]
    public void A_changed_first_name_keeps_a_last_name_of_several_words() =>
        Assert.Equal(
            [new FieldChange("first_name", Values.Text("Jean-Pierre"))],
            Join.Write(Side.A, "Jean-Pierre van der Berg", Person("Jean-Luc", "van der Berg")));

    [Fact]
    public void A_changed_last_name_of_several_words_keeps_the_first_name() =>
        Assert.Equal(
            [new FieldChange("last_name", Values.Text("van den Berg"))],
            Join.Write(Side.A, "Jean-Luc van den Berg", Person("Jean-Luc", "van der Berg")));

    [Fact]
    public void A_wholly_new_name_splits_at_the_last_word() =>
        Assert.Equal(
            [new FieldChange("first_name", Values.Text("Mary Ann")), new FieldChange("last_name", Values.Text("Jones"))],
            Join.Write(Side.A, "Mary Ann Jones", Person("John", "Smith")));

    [Fact]
    public void A_single_word_name_is_a_first_name() =>
        Assert.Equal([new FieldChange("first_name", Values.Text("Madonna"))], Join.Write(Side.A, "Madonna", null));

    [Fact]
    public void Dropping_the_last_name_clears_only_the_last_name() =>
        Assert.Equal([new FieldChange("last_name", null)], Join.Write(Side.A, "John", Person("John", "Smith")));

    [Fact]
    public void An_unchanged_name_writes_nothing_even_when_spaced_differently() =>
        Assert.Empty(Join.Write(Side.A, "John Smith", Person(" John ", "Smith")));

    [Fact]
    public void The_full_name_side_takes_the_joined_name() =>
        Assert.Equal([new FieldChange("name", Values.Text("John Smith"))], Join.Write(Side.B, "John Smith", Record(("name", Values.Text("Jon Smith")))));

    [Fact]
    public void With_first_and_last_on_both_sides_the_parts_are_compared_and_written_separately()
    {
        var pairs = Compile(Crm, Crm);

        Assert.Equal("Mary Ann\u001FJones", pairs.Read(Side.A, Person("Mary Ann", "Jones")));
        Assert.Equal(
            [new FieldChange("last_name", Values.Text("Jones-Smith"))],
            pairs.Write(Side.B, "Mary Ann\u001FJones-Smith", Person("Mary Ann", "Jones")));
    }

    [Fact]
    public void A_schema_without_name_fields_is_refused()
    {
        var noName = new AppSchema([new FieldDefinition("email", "Email", FieldType.Email)]);
        var compiled = MappingCompiler.Compile([new FieldMapping(FieldMapping.NameKey, FieldMapping.NameKey)], Crm, noName);

        Assert.Equal("The second app has no name fields.", Assert.Single(compiled.Refused).Reason);
    }
}
