using Tandem.Connectors.Pipedrive;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>Pipedrive's filters and actions in its own words (PRODUCT.md §2): labels, owners and "has no deals".</summary>
public sealed class PipedriveVocabularyTests
{
    private readonly Catalog.ConnectorDescriptor descriptor = new PipedriveConnectorFactory().Descriptor;

    [Fact]
    public void Its_filters_read_as_pipedrive_says_them()
    {
        Assert.Equal(
            [
                "a field is", "is owned by", "has no deals", "a field is not", "is not owned by", "a field contains", "a field is empty", "a field is not empty",
                "has label", "does not have label", "is subscribed", "is unsubscribed", "already exists in Google Contacts (update only, never create)",
            ],
            descriptor.Vocabulary.Filters.Select(t => t.PhraseWith("Google Contacts")));
    }

    [Fact]
    public void Its_actions_read_as_pipedrive_says_them()
    {
        Assert.Equal(["add label", "set a field to", "set owner to", "unsubscribe"], descriptor.Vocabulary.Actions.Select(t => t.Phrase));
    }

    [Fact]
    public void Has_no_deals_is_the_deal_count_equal_to_zero_and_needs_nothing_more()
    {
        var term = descriptor.Vocabulary.TermOf(FilterKind.FieldEquals, PipedriveFieldKeys.DealsCount, "0")!;

        Assert.Equal("has no deals", term.Phrase);
        Assert.Equal((FilterKind.FieldEquals, PipedriveFieldKeys.DealsCount, "0"), (term.Kind, term.Field, term.Value));
        Assert.False(term.TakesField);
        Assert.False(term.TakesValue);
        Assert.Equal("a field is", descriptor.Vocabulary.TermOf(FilterKind.FieldEquals, PipedriveFieldKeys.DealsCount, "2")!.Phrase);
    }

    [Fact]
    public void Owned_by_and_set_owner_fix_the_owner_field_and_ask_for_a_user_id()
    {
        var owned = descriptor.Vocabulary.TermOf(FilterKind.FieldNotEquals, PipedriveFieldKeys.Owner, "7")!;
        var setOwner = descriptor.Vocabulary.TermOf(ActionKind.SetField, PipedriveFieldKeys.Owner, "7")!;

        Assert.Equal(("is not owned by", true, "user id"), (owned.Phrase, owned.TakesValue, owned.ValueHint));
        Assert.Equal(("set owner to", true, "user id"), (setOwner.Phrase, setOwner.TakesValue, setOwner.ValueHint));
        Assert.Equal("set a field to", descriptor.Vocabulary.TermOf(ActionKind.SetField, "job_title", "CEO")!.Phrase);
    }
}
