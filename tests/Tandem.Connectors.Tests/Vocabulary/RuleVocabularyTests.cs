using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Vocabulary;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Tests.Vocabulary;

public sealed class RuleVocabularyTests
{
    private static readonly ConnectorCapabilities Crm = new()
    {
        TagContainer = "labels",
        Filters = [FilterKind.FieldEquals, FilterKind.FieldIsEmpty, FilterKind.HasTag, FilterKind.HasNotTag, FilterKind.IsSubscribed],
        Actions = [ActionKind.AddTag, ActionKind.SetField, ActionKind.Unsubscribe],
    };

    [Fact]
    public void Standard_words_offer_the_capabilities_in_their_order_and_exists_in_the_other_app_last()
    {
        var words = RuleVocabulary.Standard(Crm);

        Assert.Equal(
            ["a field is", "a field is empty", "has label", "does not have label", "is subscribed", "already exists in Google Contacts (update only, never create)"],
            words.Filters.Select(t => t.PhraseWith("Google Contacts")));
        Assert.Equal(["add label", "set a field to", "unsubscribe"], words.Actions.Select(t => t.PhraseWith("Google Contacts")));
    }

    [Theory]
    [InlineData("labels", "has label", "add label", "labels")]
    [InlineData("CATEGORIES", "has category", "add category", "CATEGORIES")]
    [InlineData("tags", "has tag", "add tag", "tags")]
    [InlineData(null, "has tag", "add tag", "tag")]
    public void Standard_words_name_tags_after_where_the_app_keeps_them(string? container, string hasTag, string addTag, string hint)
    {
        var words = RuleVocabulary.Standard(Crm with { TagContainer = container });

        Assert.Equal(hasTag, words.TermOf(FilterKind.HasTag, null, null)!.Phrase);
        Assert.Equal(addTag, words.TermOf(ActionKind.AddTag, null, null)!.Phrase);
        Assert.Equal(hint, words.TermOf(ActionKind.AddTag, null, null)!.ValueHint);
    }

    [Fact]
    public void Each_standard_term_says_whether_the_user_picks_a_field_and_enters_a_value()
    {
        var words = RuleVocabulary.Standard(Crm);

        Assert.Equal(
            [(true, true), (true, false), (false, true), (false, true), (false, false), (false, false)],
            words.Filters.Select(t => (t.TakesField, t.TakesValue)));
        Assert.Equal([(false, true), (true, true), (false, false)], words.Actions.Select(t => (t.TakesField, t.TakesValue)));
    }

    [Fact]
    public void Saying_rewords_a_kinds_general_term_and_refuses_a_kind_the_app_does_not_offer()
    {
        var words = RuleVocabulary.Standard(Crm).Saying(FilterKind.HasTag, "wears label");

        Assert.Equal("wears label", words.TermOf(FilterKind.HasTag, null, "VIP")!.Phrase);
        Assert.Equal("does not have label", words.TermOf(FilterKind.HasNotTag, null, "VIP")!.Phrase);
        Assert.Throws<ArgumentException>(() => words.Saying(FilterKind.GetsDeleted, "is binned"));
    }

    [Fact]
    public void A_named_term_comes_after_its_kind_and_reads_only_the_filters_that_fit_its_field_and_value()
    {
        var words = RuleVocabulary.Standard(Crm)
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "has no deals") { Field = "deals", Value = "0" })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is owned by") { Field = "owner", TakesValue = true });

        Assert.Equal(["a field is", "has no deals", "is owned by", "a field is empty"], words.Filters.Take(4).Select(t => t.Phrase));
        Assert.Equal("has no deals", words.TermOf(FilterKind.FieldEquals, "deals", "0")!.Phrase);
        Assert.Equal("a field is", words.TermOf(FilterKind.FieldEquals, "deals", "3")!.Phrase);
        Assert.Equal("is owned by", words.TermOf(FilterKind.FieldEquals, "owner", "42")!.Phrase);
        Assert.Equal("a field is", words.TermOf(FilterKind.FieldEquals, "email", "a@example.com")!.Phrase);
        Assert.Null(words.TermOf(FilterKind.FieldContains, "email", "example"));
    }

    [Fact]
    public void Only_named_terms_of_offered_kinds_are_added()
    {
        var words = RuleVocabulary.Standard(Crm);

        Assert.Throws<ArgumentException>(() => words.Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is anything")));
        Assert.Throws<ArgumentException>(() => words.Adding(new RuleTerm<ActionKind>(ActionKind.Subscribe, "subscribe to the newsletter") { Field = "list" }));
    }

    [Fact]
    public void An_app_that_says_nothing_gets_the_standard_words_of_its_capabilities()
    {
        var descriptor = new ConnectorDescriptor("crm", "CRM") { Capabilities = Crm };

        Assert.Equal(RuleVocabulary.Standard(Crm).Filters, descriptor.Vocabulary.Filters);
        Assert.Equal(RuleVocabulary.Standard(Crm).Actions, descriptor.Vocabulary.Actions);
    }
}
