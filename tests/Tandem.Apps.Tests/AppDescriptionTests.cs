using Tandem.Domain.Configuration;

namespace Tandem.Apps.Tests;

/// <summary>What every app of the catalogue must describe about itself, whoever wrote its connector.</summary>
public sealed class AppDescriptionTests
{
    public static TheoryData<string> Apps() => [.. AppCatalog.Create().Connectors.Apps.Select(d => d.App)];

    [Theory]
    [MemberData(nameof(Apps))]
    public void Its_words_cover_every_filter_and_action_its_capabilities_list(string app)
    {
        var descriptor = AppCatalog.Create().Connectors.Get(app).Descriptor;
        var words = descriptor.Vocabulary;

        foreach (var kind in descriptor.Capabilities.Filters.Append(FilterKind.ExistsInOtherApp))
        {
            Assert.Contains(words.Filters, t => t.Kind == kind && !t.IsNamed && !string.IsNullOrWhiteSpace(t.Phrase));
        }

        foreach (var kind in descriptor.Capabilities.Actions)
        {
            Assert.Contains(words.Actions, t => t.Kind == kind && !t.IsNamed && !string.IsNullOrWhiteSpace(t.Phrase));
        }
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Its_words_offer_nothing_its_capabilities_do_not_and_no_phrase_twice(string app)
    {
        var descriptor = AppCatalog.Create().Connectors.Get(app).Descriptor;
        var words = descriptor.Vocabulary;

        Assert.All(words.Filters, t => Assert.Contains(t.Kind, descriptor.Capabilities.Filters.Append(FilterKind.ExistsInOtherApp)));
        Assert.All(words.Actions, t => Assert.Contains(t.Kind, descriptor.Capabilities.Actions));
        Assert.Equal(words.Filters.Count, words.Filters.Select(t => t.Phrase).Distinct().Count());
        Assert.Equal(words.Actions.Count, words.Actions.Select(t => t.Phrase).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void It_says_it_has_webhooks_exactly_when_its_connector_verifies_them(string app)
    {
        var descriptor = AppCatalog.Create().Connectors.Get(app).Descriptor;

        Assert.Equal(descriptor.Capabilities.HasWebhooks, descriptor.Webhooks is not null);
    }

    [Fact]
    public void The_same_kind_reads_in_each_apps_own_words()
    {
        var catalog = AppCatalog.Create().Connectors;
        string HasTag(string app) => catalog.Get(app).Descriptor.Vocabulary.TermOf(FilterKind.HasTag, null, "x")!.Phrase;

        Assert.Equal(
            ["is in contact group", "has label", "has tag", "has category", "has category", "has tag"],
            new[] { "google-contacts", "pipedrive", "mailchimp", "carddav", "vcard-folder", "salesmate" }.Select(HasTag));
    }
}
