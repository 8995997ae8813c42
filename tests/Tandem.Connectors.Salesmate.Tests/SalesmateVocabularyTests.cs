using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Salesmate.Tests;

/// <summary>Salesmate's filters and actions as the seed lists them.</summary>
public sealed class SalesmateVocabularyTests
{
    private readonly Catalog.ConnectorDescriptor descriptor = new SalesmateConnectorFactory().Descriptor;

    [Fact]
    public void Its_filters_are_the_seed_s_tags_deletion_ownership_field_values_and_existing_in_the_other_app()
    {
        Assert.Equal(
            [
                "a field is", "is owned by", "a field is not", "is not owned by", "a field contains", "a field is empty", "a field is not empty",
                "has tag", "does not have tag", "gets deleted (the actions then run on the contact in Google Contacts; never creates or updates)",
                "already exists in Google Contacts (update only, never create)",
            ],
            descriptor.Vocabulary.Filters.Select(t => t.PhraseWith("Google Contacts")));
    }

    [Fact]
    public void Its_actions_are_tagging_updating_ownership_and_field_values()
    {
        Assert.Equal(["add tag", "set a field to", "set owner to"], descriptor.Vocabulary.Actions.Select(t => t.Phrase));
        var owner = descriptor.Vocabulary.TermOf(ActionKind.SetField, SalesmateFieldKeys.Owner, "2")!;
        Assert.Equal(("set owner to", true, "user id"), (owner.Phrase, owner.TakesValue, owner.ValueHint));
    }

    [Fact]
    public void Deletions_come_from_version_listings_and_tags_hold_the_unsubscribes_and_trash_tags()
    {
        var capabilities = descriptor.Capabilities;

        Assert.Equal(ChangeFeedKind.VersionListing, capabilities.ChangeFeed);
        Assert.True(capabilities.DetectsDeletions);
        Assert.Equal("tags", capabilities.TagContainer);
        Assert.False(capabilities.CanDelete);
        Assert.Equal(["linkName", "accessToken", "accessKey", "secretKey", "sessionKey", "ownerId", "baseUrl"], descriptor.Settings.Select(s => s.Key));
    }
}
