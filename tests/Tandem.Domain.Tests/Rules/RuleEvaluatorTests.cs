using System.Collections.Immutable;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Rules;
using static Tandem.Domain.Tests.TestSchemas;

namespace Tandem.Domain.Tests.Rules;

public sealed class RuleEvaluatorTests
{
    private static readonly ContactRecord Jane = Record(
        ("email", List(FieldType.Email, ("work", "jane@acme.com"), ("home", "jane@home.org"))),
        ("phone", List(FieldType.Phone, ("work", "+442079460018"))),
        ("age", Values.Number(42m)),
        ("status", Values.Require(FieldType.SingleChoice, "1")),
        ("interests", Values.MultipleChoice(["a", "c"])),
        ("org", Values.Text("Acme Ltd"))) with
    {
        Tags = ImmutableSortedSet.Create(StringComparer.Ordinal, "VIP", "Newsletter"),
    };

    private static bool Matches(ContactRecord record, bool hasCounterpart, params Filter[] filters) =>
        new RuleEvaluator([new Rule { Id = "r", Filters = filters }], Crm, "GB").MatchesAny(record, hasCounterpart);

    [Theory]
    [InlineData("age", "42.0")]
    [InlineData("email", "JANE@home.org")]
    [InlineData("phone", "020 7946 0018")]
    [InlineData("status", "Hot")]
    [InlineData("status", "1")]
    [InlineData("interests", "cherries")]
    [InlineData("org", " Acme Ltd ")]
    public void Field_equals_compares_canonical_values_and_any_list_entry(string field, string value) =>
        Assert.True(Matches(Jane, false, new Filter(FilterKind.FieldEquals, field, value)));

    [Theory]
    [InlineData("age", "41")]
    [InlineData("email", "jane@other.com")]
    [InlineData("status", "Warm")]
    public void Field_equals_fails_for_other_values(string field, string value) =>
        Assert.False(Matches(Jane, false, new Filter(FilterKind.FieldEquals, field, value)));

    [Fact]
    public void Field_not_equals_holds_for_an_empty_field_and_fails_for_the_same_value()
    {
        Assert.True(Matches(Jane, false, new Filter(FilterKind.FieldNotEquals, "notes", "x")));
        Assert.False(Matches(Jane, false, new Filter(FilterKind.FieldNotEquals, "org", "acme ltd ") with { Value = "Acme Ltd" }));
    }

    [Theory]
    [InlineData("org", "acme")]
    [InlineData("email", "@HOME.")]
    [InlineData("status", "ho")]
    public void Field_contains_ignores_case_and_looks_at_choice_labels(string field, string value) =>
        Assert.True(Matches(Jane, false, new Filter(FilterKind.FieldContains, field, value)));

    [Fact]
    public void Empty_and_not_empty_test_for_any_value()
    {
        Assert.True(Matches(Jane, false, new Filter(FilterKind.FieldIsEmpty, "notes"), new Filter(FilterKind.FieldIsNotEmpty, "email")));
        Assert.False(Matches(Jane, false, new Filter(FilterKind.FieldIsEmpty, "email")));
    }

    [Fact]
    public void Tags_are_compared_ignoring_case()
    {
        Assert.True(Matches(Jane, false, new Filter(FilterKind.HasTag, Value: "vip"), new Filter(FilterKind.HasNotTag, Value: "lead")));
        Assert.False(Matches(Jane, false, new Filter(FilterKind.HasNotTag, Value: "NEWSLETTER")));
    }

    [Fact]
    public void Exists_in_other_app_follows_the_callers_answer()
    {
        Assert.True(Matches(Jane, true, new Filter(FilterKind.ExistsInOtherApp)));
        Assert.False(Matches(Jane, false, new Filter(FilterKind.ExistsInOtherApp)));
    }

    [Fact]
    public void Subscription_filters_follow_the_unsubscribed_flag()
    {
        var gone = Jane with { IsUnsubscribed = true };

        Assert.True(Matches(Jane, false, new Filter(FilterKind.IsSubscribed)));
        Assert.True(Matches(gone, false, new Filter(FilterKind.IsUnsubscribed)));
        Assert.False(Matches(gone, false, new Filter(FilterKind.IsSubscribed)));
    }

    [Fact]
    public void A_contact_who_never_subscribed_is_neither_subscribed_nor_unsubscribed()
    {
        var transactional = Jane with { NeverSubscribed = true };

        Assert.False(Matches(transactional, false, new Filter(FilterKind.IsSubscribed)));
        Assert.False(Matches(transactional, false, new Filter(FilterKind.IsUnsubscribed)));
    }

    [Fact]
    public void Gets_deleted_never_matches_a_live_contact()
    {
        var rule = new Rule { Id = "gone", Filters = [new Filter(FilterKind.GetsDeleted)], Actions = [new RuleAction(ActionKind.AddTag, Value: "Lost")] };
        var evaluator = new RuleEvaluator([rule], Crm);

        Assert.False(evaluator.Matches(rule, Jane, hasCounterpart: true));
        Assert.False(evaluator.MatchesAny(Jane, hasCounterpart: false));
        Assert.Empty(evaluator.MatchingRuleIds(Jane, hasCounterpart: true));
    }

    [Fact]
    public void Gets_deleted_matches_a_deleted_contact_whose_last_known_state_meets_the_other_filters()
    {
        var vips = new Rule { Id = "vips", Filters = [new Filter(FilterKind.GetsDeleted), new Filter(FilterKind.HasTag, Value: "VIP")], Actions = [new RuleAction(ActionKind.AddTag, Value: "Lost VIP")] };
        var leads = new Rule { Id = "leads", Filters = [new Filter(FilterKind.GetsDeleted), new Filter(FilterKind.HasTag, Value: "Lead")], Actions = [new RuleAction(ActionKind.AddTag, Value: "Lost lead")] };
        var evaluator = new RuleEvaluator([vips, leads], Crm);

        Assert.True(evaluator.MatchesDeleted(vips, Jane));
        Assert.False(evaluator.MatchesDeleted(leads, Jane));
        Assert.True(evaluator.HasDeletionRules);
    }

    [Fact]
    public void A_rule_without_gets_deleted_does_not_run_on_deletion()
    {
        var evaluator = new RuleEvaluator([Rule.Everything], Crm);

        Assert.False(evaluator.MatchesDeleted(Rule.Everything, Jane));
        Assert.False(evaluator.HasDeletionRules);
    }

    [Fact]
    public void Gets_deleted_with_already_exists_in_the_other_app_matches_a_deleted_contact()
    {
        var rule = new Rule { Id = "gone", Filters = [new Filter(FilterKind.ExistsInOtherApp), new Filter(FilterKind.GetsDeleted)], Actions = [new RuleAction(ActionKind.Unsubscribe)] };

        Assert.True(new RuleEvaluator([rule], Crm).MatchesDeleted(rule, Jane));
    }

    [Fact]
    public void All_filters_of_a_rule_must_match() =>
        Assert.False(Matches(Jane, false, new Filter(FilterKind.HasTag, Value: "VIP"), new Filter(FilterKind.FieldEquals, "age", "41")));

    [Fact]
    public void A_contact_matches_a_side_when_any_rule_matches_and_the_matching_ids_are_returned()
    {
        var evaluator = new RuleEvaluator(
            [
                new Rule { Id = "vips", Filters = [new Filter(FilterKind.HasTag, Value: "VIP")] },
                new Rule { Id = "leads", Filters = [new Filter(FilterKind.HasTag, Value: "Lead")] },
                new Rule { Id = "acme", Filters = [new Filter(FilterKind.FieldContains, "org", "acme")] },
            ],
            Crm);

        Assert.Equal(["vips", "acme"], evaluator.MatchingRuleIds(Jane, false));
        Assert.Empty(evaluator.MatchingRuleIds(Record(), false));
        Assert.False(evaluator.MatchesAny(Record(), false));
    }

    [Fact]
    public void The_default_rule_matches_everything() =>
        Assert.True(new RuleEvaluator([Rule.Everything], Crm).Matches(Rule.Everything, Record(), false));

    [Fact]
    public void Compound_parts_can_be_filtered_on() =>
        Assert.True(Matches(Record(("budget", Values.Money(10m, "EUR"))), false, new Filter(FilterKind.FieldEquals, "budget/Currency", "eur")));

    [Fact]
    public void Invalid_rules_cannot_be_evaluated()
    {
        var error = Assert.Throws<RuleValidationException>(() => new RuleEvaluator([new Rule { Id = "r", Filters = [new Filter(FilterKind.FieldEquals, "shoe_size", "42")] }], Crm));

        Assert.Equal("Rule “r”, condition 1: this app has no field 'shoe_size'.", error.Message);
    }
}
