using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Woodpecker.Tests;

/// <summary>Woodpecker's filters and actions in its own words: blacklisted prospects, the replied, bounced and invalid statuses, tags.</summary>
public sealed class WoodpeckerVocabularyTests
{
    private readonly Catalog.ConnectorDescriptor descriptor = new WoodpeckerConnectorFactory().Descriptor;

    [Fact]
    public void Its_filters_read_as_woodpecker_says_them()
    {
        Assert.Equal(
            [
                "a field is", "has replied", "bounced", "is invalid", "a field is not", "a field contains", "a field is empty", "a field is not empty",
                "has tag", "does not have tag", "is not blacklisted", "is blacklisted", "already exists in Pipedrive (update only, never create)",
            ],
            descriptor.Vocabulary.Filters.Select(t => t.PhraseWith("Pipedrive")));
    }

    [Fact]
    public void Its_actions_read_as_woodpecker_says_them()
    {
        Assert.Equal(["add tag", "set a field to", "blacklist"], descriptor.Vocabulary.Actions.Select(t => t.Phrase));
    }

    [Fact]
    public void Bounced_is_the_status_field_equal_to_BOUNCED_and_needs_nothing_more()
    {
        var term = descriptor.Vocabulary.TermOf(FilterKind.FieldEquals, WoodpeckerFieldKeys.Status, "BOUNCED")!;

        Assert.Equal("bounced", term.Phrase);
        Assert.False(term.TakesValue);
        Assert.Equal("a field is", descriptor.Vocabulary.TermOf(FilterKind.FieldEquals, WoodpeckerFieldKeys.Status, "ACTIVE")!.Phrase);
    }
}
