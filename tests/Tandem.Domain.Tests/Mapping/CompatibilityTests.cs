using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using static Tandem.Domain.Tests.TestSchemas;

namespace Tandem.Domain.Tests.Mapping;

public sealed class CompatibilityTests
{
    [Theory]
    [InlineData("org", "company", MappingDirection.Both)]
    [InlineData("birthday", "bday", MappingDirection.Both)]
    [InlineData("age", "amount", MappingDirection.Both)]
    [InlineData("age", "text", MappingDirection.AToB)]
    [InlineData("birthday", "text", MappingDirection.AToB)]
    [InlineData("newsletter", "text", MappingDirection.AToB)]
    [InlineData("status", "text", MappingDirection.AToB)]
    [InlineData("interests", "text", MappingDirection.AToB)]
    [InlineData("owner", "text", MappingDirection.AToB)]
    [InlineData("email", "emails", MappingDirection.Both)]
    [InlineData("email", "contact_email", MappingDirection.Both)]
    [InlineData("phone", "mobile", MappingDirection.Both)]
    [InlineData("email", "text", MappingDirection.Both)]
    [InlineData("notes", "contact_email", MappingDirection.Both)]
    [InlineData("notes", "homepage", MappingDirection.Both)]
    [InlineData("budget", "amount", MappingDirection.Both)]
    [InlineData("budget", "text", MappingDirection.AToB)]
    [InlineData("budget/Currency", "text", MappingDirection.Both)]
    [InlineData("deal_period/Start", "start", MappingDirection.Both)]
    [InlineData("status", "stage", MappingDirection.Both)]
    [InlineData("interests", "tags", MappingDirection.Both)]
    [InlineData("created", "text", MappingDirection.AToB)]
    [InlineData("org", "updated", MappingDirection.BToA)]
    public void Allowed_pairs_map_in_the_directions_their_types_allow(string aField, string bField, MappingDirection expected)
    {
        var verdict = Compatibility.Directions(new FieldMapping(aField, bField), Crm, Book);

        Assert.Equal(expected, verdict.Direction);
    }

    [Theory]
    [InlineData("age", "flag", "A number cannot be stored in a yes/no field.")]
    [InlineData("birthday", "flag", "A date cannot be stored in a yes/no field.")]
    [InlineData("newsletter", "amount", "A yes/no value cannot be stored in a number field.")]
    [InlineData("created", "start", "A date and time cannot be stored in a date field: the day would depend on the time zone.")]
    [InlineData("email", "phones", "A list of email addresses cannot be stored in a list of phone numbers.")]
    [InlineData("created", "updated", "Both fields are read-only, so neither can be written.")]
    [InlineData("status", "tags", "A choice cannot be stored in a multiple-choice field.")]
    public void Incompatible_pairs_are_refused_with_the_reason(string aField, string bField, string reason)
    {
        var verdict = Compatibility.Directions(new FieldMapping(aField, bField), Crm, Book);

        Assert.Null(verdict.Direction);
        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void A_one_way_conversion_says_why_the_other_way_is_closed()
    {
        var verdict = Compatibility.Directions(new FieldMapping("age", "text"), Crm, Book);

        Assert.Equal(
            "One way only: Text cannot be stored in a number field: text can hold anything, so it could not always be read as one.",
            verdict.Reason);
    }

    [Fact]
    public void A_requested_direction_narrows_what_compatibility_allows() =>
        Assert.Equal(MappingDirection.BToA, Compatibility.Directions(new FieldMapping("org", "company") { Direction = MappingDirection.BToA }, Crm, Book).Direction);

    [Fact]
    public void A_requested_direction_that_types_forbid_is_refused()
    {
        var verdict = Compatibility.Directions(new FieldMapping("age", "text") { Direction = MappingDirection.BToA }, Crm, Book);

        Assert.Null(verdict.Direction);
    }

    [Fact]
    public void A_read_only_target_is_refused_with_its_name()
    {
        var verdict = Compatibility.Check(Book.Find("text")!, Crm.Find("deals")! with { Type = FieldType.Text });

        Assert.False(verdict.Allowed);
        Assert.Equal("“Open deals” is read-only, so it can only be a source.", verdict.Reason);
    }

    [Fact]
    public void An_unknown_field_is_named_in_the_refusal() =>
        Assert.Equal("The second app has no field 'nope'.", Compatibility.Directions(new FieldMapping("org", "nope"), Crm, Book).Reason);

    [Fact]
    public void The_name_maps_both_ways_between_split_and_full_names() =>
        Assert.Equal(MappingDirection.Both, Compatibility.Directions(new FieldMapping(FieldMapping.NameKey, FieldMapping.NameKey), Crm, Book).Direction);
}
