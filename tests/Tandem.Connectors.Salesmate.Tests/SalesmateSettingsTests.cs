using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.Salesmate.Tests;

/// <summary>The Salesmate settings as parser and validator: the subdomain, the session key or the legacy key trio.</summary>
public sealed class SalesmateSettingsTests
{
    private static string Refusal(Dictionary<string, string> values) =>
        Assert.Throws<ConnectorSettingsException>(() => SalesmateSettings.From(new AccountSettings(values))).Message;

    [Fact]
    public void The_subdomain_and_session_key_become_the_v4_headers_and_address()
    {
        var settings = SalesmateSettings.From(new AccountSettings(new Dictionary<string, string> { ["linkName"] = "acme", ["accessToken"] = "key-value" }));

        Assert.Equal("acme.salesmate.io", settings.LinkHost);
        Assert.Equal(new Uri("https://acme.salesmate.io/"), settings.BaseUrl);
        Assert.Equal("key-value", settings.Token);
        Assert.DoesNotContain("key-value", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_legacy_key_trio_is_accepted_and_its_session_key_is_the_access_token()
    {
        var settings = SalesmateSettings.From(new AccountSettings(new Dictionary<string, string>
        {
            ["linkName"] = "acme.salesmate.io", ["accessKey"] = "a", ["secretKey"] = "s", ["sessionKey"] = "session",
        }));

        Assert.Equal("session", settings.Token);
        Assert.Equal("acme.salesmate.io", settings.LinkHost);
    }

    [Fact]
    public void Without_any_key_the_refusal_names_both_ways_to_connect()
    {
        Assert.Equal(
            "Give the setting “Access token (session key)” (accessToken), or the legacy settings “Legacy access key” (accessKey), “Legacy secret key” (secretKey) and “Legacy session key” (sessionKey).",
            Refusal(new() { ["linkName"] = "acme" }));
    }

    [Fact]
    public void A_session_key_without_the_rest_of_the_legacy_trio_is_refused()
    {
        Assert.Equal(
            "The legacy keys go together: give “Legacy access key” (accessKey) and “Legacy secret key” (secretKey) with “Legacy session key” (sessionKey), or only “Access token (session key)” (accessToken).",
            Refusal(new() { ["linkName"] = "acme", ["sessionKey"] = "s" }));
    }

    [Fact]
    public void A_subdomain_that_is_a_whole_other_address_and_an_owner_that_is_not_an_id_are_refused()
    {
        Assert.Equal(
            "The setting “Salesmate subdomain” (linkName) must be your Salesmate subdomain, such as 'acme' for acme.salesmate.io. The setting “Owner of new contacts” (ownerId) must be a Salesmate user id (digits only).",
            Refusal(new() { ["linkName"] = "acme.evil.example/x", ["accessToken"] = "t", ["ownerId"] = "Sam" }));
    }
}
