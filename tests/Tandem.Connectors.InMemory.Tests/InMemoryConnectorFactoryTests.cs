using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.InMemory.Tests;

public sealed class InMemoryConnectorFactoryTests
{
    [Fact]
    public async Task The_factory_opens_the_named_app_of_its_registry()
    {
        var registry = new InMemoryAppRegistry();
        var demo = registry.GetOrAdd("Demo CRM");
        demo.Seed(3);
        var factory = new InMemoryConnectorFactory(registry);
        var catalog = new ConnectorCatalog([factory]);

        await using var connector = catalog.Get("in-memory").Create(
            new AccountSettings(new Dictionary<string, string> { ["app"] = "demo crm" }),
            ConnectorContext.Default);

        Assert.Same(demo, Assert.IsType<InMemoryConnector>(connector).App);
        Assert.Equal(["app"], factory.Descriptor.Settings.Select(s => s.Key));
    }

    [Fact]
    public void An_unknown_app_name_is_a_settings_error_that_names_the_setting()
    {
        var factory = new InMemoryConnectorFactory(new InMemoryAppRegistry());

        var error = Assert.Throws<ConnectorSettingsException>(() => factory.Create(
            new AccountSettings(new Dictionary<string, string> { ["app"] = "secret-looking-name" }),
            ConnectorContext.Default));

        Assert.Contains("“App name” (app)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-looking-name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_two_apps_with_one_name_is_refused()
    {
        var registry = new InMemoryAppRegistry();
        registry.Add(new InMemoryApp(new() { Name = "crm" }));

        Assert.Throws<ArgumentException>(() => registry.Add(new InMemoryApp(new() { Name = "CRM" })));
    }
}
