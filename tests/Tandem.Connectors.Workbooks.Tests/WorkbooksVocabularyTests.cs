using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Workbooks.Tests;

/// <summary>Workbooks' filters and actions in the seed's words: ownership, watched, emails opt-in and opt-out, assignment, lead source, marketing campaign.</summary>
public sealed class WorkbooksVocabularyTests
{
    private readonly Catalog.ConnectorDescriptor descriptor = new WorkbooksConnectorFactory().Descriptor;

    [Fact]
    public void Its_filters_read_as_the_seed_lists_them()
    {
        Assert.Equal(
            [
                "a field is", "is owned by", "is watched", "is not watched", "opted out of emails", "opted into emails", "has lead source", "is in marketing campaign",
                "a field is not", "is not owned by", "a field contains", "a field is empty", "is not assigned", "a field is not empty", "is assigned",
                "is tagged", "is not tagged", "gets deleted (the actions then run on the contact in Google Contacts; never creates or updates)", "already exists in Google Contacts (update only, never create)",
            ],
            descriptor.Vocabulary.Filters.Select(t => t.PhraseWith("Google Contacts")));
    }

    [Fact]
    public void Its_actions_read_as_the_seed_lists_them()
    {
        Assert.Equal(
            ["add tag", "set a field to", "opt out of emails", "opt into emails", "set lead source to", "set marketing campaign to"],
            descriptor.Vocabulary.Actions.Select(t => t.Phrase));
    }

    [Fact]
    public void Opting_out_of_emails_is_setting_no_email_soliciting_and_needs_nothing_more()
    {
        var filter = descriptor.Vocabulary.TermOf(FilterKind.FieldEquals, WorkbooksFieldKeys.NoEmailSoliciting, "true")!;
        var action = descriptor.Vocabulary.TermOf(ActionKind.SetField, WorkbooksFieldKeys.NoEmailSoliciting, "false")!;

        Assert.Equal(("opted out of emails", false), (filter.Phrase, filter.TakesValue));
        Assert.Equal(("opt into emails", false), (action.Phrase, action.TakesValue));
        Assert.Equal("a field is", descriptor.Vocabulary.TermOf(FilterKind.FieldEquals, "person_job_title", "CEO")!.Phrase);
    }

    [Fact]
    public void Workbooks_reports_deletions_but_no_unsubscribes_and_has_no_webhooks()
    {
        Assert.True(descriptor.Capabilities.DetectsDeletions);
        Assert.False(descriptor.Capabilities.DetectsUnsubscribes);
        Assert.False(descriptor.Capabilities.HasWebhooks);
        Assert.Equal(100, descriptor.Capabilities.WriteBatchSize);
    }
}
