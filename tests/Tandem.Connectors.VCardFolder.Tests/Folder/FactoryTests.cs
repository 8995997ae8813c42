using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.VCardFolder.Tests.Support;

namespace Tandem.Connectors.VCardFolder.Tests.Folder;

public sealed class FactoryTests
{
    private readonly VCardFolderConnectorFactory factory = new();

    [Fact]
    public void The_descriptor_names_the_app_its_settings_and_capabilities()
    {
        var descriptor = factory.Descriptor;

        Assert.Equal("vcard-folder", descriptor.App);
        Assert.Equal("vCard folder", descriptor.DisplayName);
        Assert.Equal([("path", true), ("defaultRegion", false)], descriptor.Settings.Select(s => (s.Key, s.IsRequired)));
        Assert.All(descriptor.Settings, s => Assert.False(string.IsNullOrWhiteSpace(s.Help)));
        Assert.Equal(ChangeFeedKind.VersionListing, descriptor.Capabilities.ChangeFeed);
        Assert.True(descriptor.Capabilities.DetectsDeletions);
        Assert.Equal("CATEGORIES", descriptor.Capabilities.TagContainer);
    }

    [Fact]
    public void A_missing_path_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ConnectorSettingsException>(() => factory.Create(new AccountSettings(new Dictionary<string, string>()), ConnectorContext.Default));

        Assert.Equal("The setting “Folder” (path) is required.", error.Message);
    }

    [Fact]
    public void A_default_region_that_is_not_a_two_letter_code_is_refused()
    {
        var settings = new AccountSettings(new Dictionary<string, string> { ["path"] = "/tmp", ["defaultRegion"] = "Belgium" });

        var error = Assert.Throws<ConnectorSettingsException>(() => factory.Create(settings, ConnectorContext.Default));

        Assert.Equal("The setting “Default phone region” (defaultRegion) must be a two-letter region code such as BE or US.", error.Message);
    }

    [Fact]
    public async Task The_schema_has_exactly_the_vCard_field_keys()
    {
        using var folder = new TempFolder();
        await using var connector = TestConnector.For(folder.Path);

        var schema = await connector.GetSchemaAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            ["$tags", "name.first", "name.last", "name.full", "emails", "phones", "addresses", "urls", "org", "title", "birthday", "note",
                "nickname", "photo", "anniversary", "org.department", "gender", "pronouns", "related", "im", "social", "custom"],
            schema.Fields.Select(f => f.Key));
    }
}
