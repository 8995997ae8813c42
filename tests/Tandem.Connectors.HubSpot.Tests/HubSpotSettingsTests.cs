using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.HubSpot.Tests;

/// <summary>The HubSpot settings class as parser and validator: the private app token or the OAuth trio, and where calls go.</summary>
public sealed class HubSpotSettingsTests
{
    private static string Refusal(Dictionary<string, string> values) =>
        Assert.Throws<ConnectorSettingsException>(() => HubSpotSettings.From(new AccountSettings(values))).Message;

    [Fact]
    public void Neither_a_token_nor_OAuth_is_refused_naming_both_ways_by_their_labels()
    {
        Assert.Equal(
            "Give either the setting “Private app access token” (accessToken) or the OAuth settings “OAuth client ID” (clientId), “OAuth client secret” (clientSecret) and “Refresh token” (refreshToken).",
            Refusal([]));
    }

    [Fact]
    public void A_refresh_token_without_its_client_names_each_missing_setting()
    {
        Assert.Equal(
            "The setting “OAuth client ID” (clientId) is required with a refresh token. The setting “OAuth client secret” (clientSecret) is required with a refresh token.",
            Refusal(new() { ["refreshToken"] = "r" }));
    }

    [Fact]
    public void A_private_app_token_goes_to_api_hubapi_com_and_OAuth_to_its_token_endpoint()
    {
        var token = HubSpotSettings.From(new AccountSettings(new Dictionary<string, string> { ["accessToken"] = "pat-na1-x" }));
        var oauth = HubSpotSettings.From(new AccountSettings(new Dictionary<string, string> { ["clientId"] = "c", ["clientSecret"] = "s", ["refreshToken"] = "r" }));

        Assert.Equal((new Uri("https://api.hubapi.com/"), false), (token.BaseUrl, token.UsesOAuth));
        Assert.Equal((new Uri("https://api.hubapi.com/oauth/v1/token"), true), (oauth.TokenUrl, oauth.UsesOAuth));
    }

    [Fact]
    public void The_form_keeps_the_token_and_the_secrets_secret()
    {
        var form = new HubSpotConnectorFactory().Descriptor.Settings;

        Assert.Equal(["accessToken", "clientSecret", "refreshToken"], form.Where(f => f.IsSecret).Select(f => f.Key));
    }

    [Fact]
    public void The_consent_asks_for_contacts_their_properties_lists_owners_and_communication_preferences()
    {
        var consent = new HubSpotConnectorFactory().Descriptor.OAuth!;

        Assert.Equal(new Uri("https://app.hubspot.com/oauth/authorize"), consent.AuthorizeUrl);
        Assert.Equal(new Uri("https://api.hubapi.com/oauth/v1/token"), consent.TokenUrl);
        Assert.Equal(
            ["oauth", "crm.objects.contacts.read", "crm.objects.contacts.write", "crm.schemas.contacts.read", "crm.schemas.contacts.write", "crm.lists.read", "crm.lists.write", "crm.objects.owners.read", "communication_preferences.read_write"],
            consent.Scope!.Split(' '));
        Assert.False(consent.UsesBasicAuthentication);
    }
}
