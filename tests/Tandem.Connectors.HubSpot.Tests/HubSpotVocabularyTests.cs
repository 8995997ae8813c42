using Tandem.Domain.Configuration;

namespace Tandem.Connectors.HubSpot.Tests;

/// <summary>HubSpot's filters and actions in its own words: its tags are static lists, and the contact owner.</summary>
public sealed class HubSpotVocabularyTests
{
    private readonly Catalog.ConnectorDescriptor descriptor = new HubSpotConnectorFactory().Descriptor;

    [Fact]
    public void Its_tags_are_static_lists_and_the_wizard_says_so()
    {
        Assert.Equal("static lists", descriptor.Capabilities.TagContainer);
        Assert.Equal("is in static list", descriptor.Vocabulary.TermOf(FilterKind.HasTag, null, "VIP")!.Phrase);
        Assert.Equal("is not in static list", descriptor.Vocabulary.TermOf(FilterKind.HasNotTag, null, "VIP")!.Phrase);
        Assert.Equal("add to static list", descriptor.Vocabulary.TermOf(ActionKind.AddTag, null, "VIP")!.Phrase);
    }

    [Fact]
    public void Its_filters_read_as_hubspot_says_them()
    {
        Assert.Equal(
            [
                "a field is", "is owned by", "a field is not", "is not owned by", "a field contains", "a field is empty", "a field is not empty",
                "is in static list", "is not in static list", "is subscribed", "is unsubscribed", "already exists in Pipedrive (update only, never create)",
            ],
            descriptor.Vocabulary.Filters.Select(t => t.PhraseWith("Pipedrive")));
    }

    [Fact]
    public void Its_actions_read_as_hubspot_says_them_and_it_never_subscribes_anyone()
    {
        Assert.Equal(["add to static list", "set a field to", "set contact owner to", "unsubscribe"], descriptor.Vocabulary.Actions.Select(t => t.Phrase));
        Assert.False(descriptor.Capabilities.CanSubscribe);
    }

    [Fact]
    public void Owned_by_and_set_contact_owner_fix_the_owner_field_and_ask_for_an_owner_id()
    {
        var owned = descriptor.Vocabulary.TermOf(FilterKind.FieldEquals, HubSpotFieldKeys.Owner, "71000001")!;
        var set = descriptor.Vocabulary.TermOf(ActionKind.SetField, HubSpotFieldKeys.Owner, "71000001")!;

        Assert.Equal(("is owned by", true, "owner id"), (owned.Phrase, owned.TakesValue, owned.ValueHint));
        Assert.Equal(("set contact owner to", true, "owner id"), (set.Phrase, set.TakesValue, set.ValueHint));
    }
}
