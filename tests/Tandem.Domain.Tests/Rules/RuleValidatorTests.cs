using Tandem.Domain.Configuration;
using Tandem.Domain.Rules;
using static Tandem.Domain.Tests.TestSchemas;

namespace Tandem.Domain.Tests.Rules;

public sealed class RuleValidatorTests
{
    private static string Error(Filter filter) =>
        Assert.Single(RuleValidator.Validate([new Rule { Id = "vips", Filters = [new Filter(FilterKind.IsSubscribed), filter] }], Crm)).Message;

    [Fact]
    public void Valid_rules_have_no_errors() =>
        Assert.Empty(RuleValidator.Validate(
            [Rule.Everything, new Rule { Id = "hot", Filters = [new Filter(FilterKind.FieldEquals, "status", "hot")], Actions = [new RuleAction(ActionKind.SetField, "stage", "VIP")] }],
            Crm,
            Book));

    [Fact]
    public void An_unknown_field_is_named() =>
        Assert.Equal("Rule “vips”, condition 2: this app has no field 'shoe_size'.", Error(new Filter(FilterKind.FieldIsEmpty, "shoe_size")));

    [Fact]
    public void A_value_the_field_can_never_hold_is_reported() =>
        Assert.Equal("Rule “vips”, condition 2: 'forty' is not a valid value for “Age”.", Error(new Filter(FilterKind.FieldEquals, "age", "forty")));

    [Fact]
    public void A_choice_that_is_not_an_option_is_reported() =>
        Assert.Equal("Rule “vips”, condition 2: “Status” has no option 'Boiling'.", Error(new Filter(FilterKind.FieldEquals, "status", "Boiling")));

    [Fact]
    public void A_comparison_without_a_value_suggests_is_empty() =>
        Assert.Equal(
            "Rule “vips”, condition 2: enter a value to compare “Age” with (to test for no value, use “is empty”).",
            Error(new Filter(FilterKind.FieldEquals, "age")));

    [Fact]
    public void A_tag_filter_without_a_tag_is_reported() =>
        Assert.Equal("Rule “vips”, condition 2: choose the tag to look for.", Error(new Filter(FilterKind.HasTag)));

    [Fact]
    public void Duplicate_rule_ids_are_reported() =>
        Assert.Equal(
            "Two rules are called “default”; give each rule its own id.",
            Assert.Single(RuleValidator.Validate([Rule.Everything, Rule.Everything], Crm)).Message);

    [Fact]
    public void Actions_setting_unknown_or_read_only_fields_of_the_other_app_are_reported() =>
        Assert.Equal(
            ["Rule “r”, action 1: the other app has no field 'nope'.", "Rule “r”, action 2: “Updated” is read-only in the other app."],
            RuleValidator.Validate([new Rule { Id = "r", Actions = [new RuleAction(ActionKind.SetField, "nope", "1"), new RuleAction(ActionKind.SetField, "updated", "2024-01-01")] }], Crm, Book).Select(e => e.Message));

    [Fact]
    public void Gets_deleted_needs_no_field_or_value_and_may_sit_next_to_already_exists_in_the_other_app() =>
        Assert.Empty(RuleValidator.Validate(
            [new Rule { Id = "gone", Filters = [new Filter(FilterKind.GetsDeleted), new Filter(FilterKind.ExistsInOtherApp)], Actions = [new RuleAction(ActionKind.AddTag, Value: "Lost")] }],
            Crm,
            Book));

    [Fact]
    public void A_gets_deleted_rule_without_an_action_is_reported() =>
        Assert.Equal(
            "Rule “gone” is for contacts that get deleted: it never syncs a contact, so give it an action to run on the contact in the other app.",
            Assert.Single(RuleValidator.Validate([new Rule { Id = "gone", Filters = [new Filter(FilterKind.GetsDeleted)] }], Crm)).Message);

    [Fact]
    public void Subscribe_needs_no_field_or_value() =>
        Assert.Empty(RuleValidator.Validate([new Rule { Id = "news", Actions = [new RuleAction(ActionKind.Subscribe)] }], Crm, Book));
}
