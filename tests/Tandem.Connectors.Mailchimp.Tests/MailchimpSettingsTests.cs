using Tandem.Connectors.Catalog;
using Tandem.Connectors.Mailchimp;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>The Mailchimp settings class as parser and validator: the API key or the access token, the audience, the addresses.</summary>
public sealed class MailchimpSettingsTests
{
    private static MailchimpSettings Parse(Dictionary<string, string> values) => MailchimpSettings.From(new AccountSettings(values));

    private static string Refusal(Dictionary<string, string> values) => Assert.Throws<ConnectorSettingsException>(() => Parse(values)).Message;

    [Fact]
    public void An_API_key_names_its_data_centre_and_the_defaults_fill_the_rest()
    {
        var settings = Parse(new() { ["apiKey"] = "abc-US21", ["audienceId"] = "a1b2c3" });

        Assert.Equal(new Uri("https://us21.api.mailchimp.com/3.0/"), settings.ApiBaseUrl);
        Assert.Equal(new Uri("https://login.mailchimp.com/"), settings.LoginUrl);
        Assert.Equal("subscribed", settings.NewMemberStatus);
    }

    [Fact]
    public void A_given_base_URL_gains_the_API_version_and_an_access_token_account_has_none_until_asked()
    {
        var sandbox = Parse(new() { ["apiKey"] = "no-dash-centre-1", ["audienceId"] = "a1", ["baseUrl"] = "http://127.0.0.1:9/api", ["newMemberStatus"] = "Pending" });
        var oauth = Parse(new() { ["accessToken"] = "t", ["audienceId"] = "a1", ["loginUrl"] = "http://127.0.0.1:9" });

        Assert.Equal(new Uri("http://127.0.0.1:9/api/3.0/"), sandbox.ApiBaseUrl);
        Assert.Equal("pending", sandbox.NewMemberStatus);
        Assert.Null(oauth.ApiBaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), oauth.LoginUrl);
    }

    [Fact]
    public void Neither_an_API_key_nor_an_access_token_is_refused_naming_both()
    {
        Assert.Equal(
            "The setting “API key” (apiKey) or “OAuth access token” (accessToken) is required.",
            Refusal(new() { ["audienceId"] = "a1" }));
    }

    [Fact]
    public void An_API_key_without_its_data_centre_is_refused_without_repeating_it()
    {
        var message = Refusal(new() { ["apiKey"] = "secretkeywithoutcentre", ["audienceId"] = "a1" });

        Assert.Equal("The setting “API key” (apiKey) must end in its data centre, such as '-us21'.", message);
    }

    [Fact]
    public void An_audience_id_that_is_not_one_is_refused_by_its_label()
    {
        Assert.Equal(
            "The setting “Audience ID” (audienceId) must be the audience's id, such as 'a1b2c3d4e5'.",
            Refusal(new() { ["apiKey"] = "k-us21", ["audienceId"] = "a1/../lists" }));
    }
}
