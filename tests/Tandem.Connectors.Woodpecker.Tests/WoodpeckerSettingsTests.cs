using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;

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
    public async Task The_key_is_tested_with_GET_me_and_a_wrong_one_is_refused_in_words()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 1);
        await using var connector = (WoodpeckerConnector)run.Connect();
        await using var wrong = (WoodpeckerConnector)new WoodpeckerConnectorFactory(TestRetries.Fast).Create(
            new AccountSettings(new Dictionary<string, string> { ["apiKey"] = "not-the-key", ["baseUrl"] = run.BaseUri.ToString() }),
            new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(run.BaseUri));

        var me = await connector.WhoAmIAsync(TestContext.Current.CancellationToken);
        var refusal = await Assert.ThrowsAnyAsync<ConnectorException>(() => wrong.WhoAmIAsync(TestContext.Current.CancellationToken));

        Assert.NotNull(me["email"]);
        Assert.True(refusal.IsAuthorizationFailure);
        Assert.Equal("Woodpecker refused the API key; create a new one in Woodpecker (Marketplace > Integrations > API keys) and update the account.", refusal.Message);
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
