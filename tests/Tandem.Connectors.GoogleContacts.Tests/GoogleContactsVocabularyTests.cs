using Tandem.Connectors.GoogleContacts;

namespace Tandem.Connectors.GoogleContacts.Tests;

/// <summary>Google Contacts' filters and actions in its own words: a contact is in a contact group.</summary>
public sealed class GoogleContactsVocabularyTests
{
    private readonly Catalog.ConnectorDescriptor descriptor = new GoogleContactsConnectorFactory().Descriptor;

    [Fact]
    public void Its_filters_read_as_google_says_them()
    {
        Assert.Equal(
            [
                "a field is", "a field is not", "a field contains", "a field is empty", "a field is not empty",
                "is in contact group", "is not in contact group",
                "gets deleted (the actions then run on the contact in Pipedrive; never creates or updates)",
                "already exists in Pipedrive (update only, never create)",
            ],
            descriptor.Vocabulary.Filters.Select(t => t.PhraseWith("Pipedrive")));
    }

    [Fact]
    public void Its_one_action_adds_to_a_contact_group_named_by_the_user()
    {
        var add = Assert.Single(descriptor.Vocabulary.Actions);

        Assert.Equal(("add to contact group", true, "contact groups"), (add.Phrase, add.TakesValue, add.ValueHint));
    }
}
