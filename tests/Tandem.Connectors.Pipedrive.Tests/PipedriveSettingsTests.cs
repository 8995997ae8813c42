using Tandem.Connectors.Catalog;
using Tandem.Connectors.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>The Pipedrive settings class as parser and validator: the token or the OAuth trio, and where calls go.</summary>
public sealed class PipedriveSettingsTests
{
    private static string Refusal(Dictionary<string, string> values) =>
        Assert.Throws<ConnectorSettingsException>(() => PipedriveSettings.From(new AccountSettings(values))).Message;

    [Fact]
    public void A_company_domain_that_is_not_a_subdomain_is_refused_by_its_label()
    {
        Assert.Equal(
            "The setting “Company domain” (companyDomain) must be the company's subdomain, such as 'acme' for acme.pipedrive.com.",
            Refusal(new() { ["apiToken"] = "t", ["companyDomain"] = "acme.evil.example" }));
    }

    [Fact]
    public void A_refresh_token_without_its_client_names_each_missing_setting()
    {
        Assert.Equal(
            "The setting “OAuth client ID” (clientId) is required with a refresh token. The setting “OAuth client secret” (clientSecret) is required with a refresh token.",
            Refusal(new() { ["refreshToken"] = "r" }));
    }

    [Fact]
    public void An_OAuth_account_defaults_to_Pipedrive_s_token_URL_and_its_api_domain_and_never_prints_its_secrets()
    {
        var settings = PipedriveSettings.From(new AccountSettings(new Dictionary<string, string>
        {
            ["clientId"] = "c", ["clientSecret"] = "client-secret-value", ["refreshToken"] = "refresh-token-value",
        }));

        Assert.Equal(new Uri("https://oauth.pipedrive.com/oauth/token"), settings.OAuth!.TokenUrl);
        Assert.True(settings.UsesApiDomain);
        Assert.DoesNotContain("-value", settings.OAuth.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("-value", settings.ToString(), StringComparison.Ordinal);
    }
}
