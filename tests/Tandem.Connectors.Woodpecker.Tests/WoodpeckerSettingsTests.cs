using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.Woodpecker.Tests;

/// <summary>The Woodpecker settings as form, parser and validator: the API key (secret, required), and where calls go.</summary>
public sealed class WoodpeckerSettingsTests
{
    [Fact]
    public void The_form_asks_for_the_API_key_as_a_secret_and_says_where_to_find_it()
    {
        var key = Assert.Single(new WoodpeckerConnectorFactory().Descriptor.Settings, s => s.Key == "apiKey");

        Assert.Equal("API key", key.Label);
        Assert.True(key.IsSecret);
        Assert.True(key.IsRequired);
        Assert.Contains("API Key and Integrations add-on", key.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_refused_by_its_label()
    {
        var refusal = Assert.Throws<ConnectorSettingsException>(() => WoodpeckerSettings.From(new AccountSettings(new Dictionary<string, string>()))).Message;

        Assert.Contains("“API key” (apiKey)", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Calls_go_to_api_woodpecker_co_unless_a_base_URL_is_given()
    {
        var real = WoodpeckerSettings.From(new AccountSettings(new Dictionary<string, string> { ["apiKey"] = "k" }));
        var sandbox = WoodpeckerSettings.From(new AccountSettings(new Dictionary<string, string> { ["apiKey"] = "k", ["baseUrl"] = "http://127.0.0.1:5090" }));

        Assert.Equal(new Uri("https://api.woodpecker.co/"), real.BaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5090/"), sandbox.BaseUrl);
    }
}
