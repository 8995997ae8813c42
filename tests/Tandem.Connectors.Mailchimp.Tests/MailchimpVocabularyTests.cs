using Tandem.Connectors.Mailchimp;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>Mailchimp's filters and actions: its status, its tags (the standard words for "tags"), subscribe and unsubscribe.</summary>
public sealed class MailchimpVocabularyTests
{
    private readonly Catalog.ConnectorDescriptor descriptor = new MailchimpConnectorFactory().Descriptor;

    [Fact]
    public void Its_status_and_tags_read_as_mailchimp_says_them()
    {
        Assert.Equal(
            ["has tag", "does not have tag", "is subscribed", "is unsubscribed"],
            descriptor.Vocabulary.Filters.Where(t => !t.TakesField && t.Kind != Domain.Configuration.FilterKind.ExistsInOtherApp).Select(t => t.Phrase));
        Assert.Equal(
            ["add tag", "unsubscribe", "subscribe (only new contacts and those who never subscribed)"],
            descriptor.Vocabulary.Actions.Select(t => t.Phrase));
    }
}
