using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Wooxy.Tests;

/// <summary>The account form: the access token, the domain, the contact list (the Default Contact List when empty).</summary>
public sealed class WooxySettingsTests
{
    [Fact]
    public void The_form_asks_for_the_access_token_as_a_secret_the_domain_and_the_contact_list()
    {
        var fields = new WooxyConnectorFactory().Descriptor.Settings;

        Assert.Equal(["accessToken", "domain", "contactList", "defaultRegion", "baseUrl"], fields.Select(f => f.Key));
        Assert.True(fields[0].IsSecret);
        Assert.True(fields[0].IsRequired);
        Assert.True(fields[1].IsRequired);
        Assert.False(fields[2].IsRequired);
    }

    [Fact]
    public void An_empty_contact_list_means_the_Default_Contact_List()
    {
        var settings = WooxySettings.From(new AccountSettings(new Dictionary<string, string> { ["accessToken"] = "t", ["domain"] = "example.com" }));

        Assert.Equal("Default Contact List", settings.ContactList);
        Assert.Equal(new Uri("https://api.wooxy.com/"), settings.BaseUrl);
    }

    [Fact]
    public void A_missing_access_token_and_domain_are_named_by_their_labels()
    {
        var error = Assert.Throws<ConnectorSettingsException>(() => WooxySettings.From(new AccountSettings(new Dictionary<string, string>())));

        Assert.Contains("Access token", error.Message, StringComparison.Ordinal);
        Assert.Contains("Domain", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Deal value 2", "dealValue")]
    [InlineData("date range/Start", "dateRangeStart")]
    [InlineData("Größe", "gre")]
    [InlineData("123", "")]
    public void A_variable_name_is_latin_lower_camel_case(string label, string name) => Assert.Equal(name, WooxyConnector.VariableName(label));
}
