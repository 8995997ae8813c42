using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.Workbooks.Tests;

/// <summary>The Workbooks settings class as parser and validator: an API key, or a login name and password, and the database (its name or number).</summary>
public sealed class WorkbooksSettingsTests
{
    private static string Refusal(Dictionary<string, string> values) =>
        Assert.Throws<ConnectorSettingsException>(() => WorkbooksSettings.From(new AccountSettings(values))).Message;

    [Fact]
    public void Neither_an_API_key_nor_a_full_login_is_refused_naming_both_ways()
    {
        Assert.Equal(
            "Give either the setting “API key” (apiKey) or both “Login name” (username) and “Password” (password).",
            Refusal(new() { ["username"] = "someone@example.com" }));
    }

    [Fact]
    public void A_database_may_be_given_by_its_name_as_the_form_lists_it()
    {
        // Which names exist is known only to Workbooks: the login and the account check say so (WorkbooksSessionTests).
        Assert.Equal("Demo Ltd", WorkbooksSettings.From(new AccountSettings(new Dictionary<string, string> { ["apiKey"] = "k", ["databaseId"] = "Demo Ltd" })).DatabaseId);
    }

    [Fact]
    public void An_API_key_goes_with_every_request_to_secure_workbooks_com_and_a_login_opens_a_session()
    {
        var key = WorkbooksSettings.From(new AccountSettings(new Dictionary<string, string> { ["apiKey"] = "api-key-value" }));
        var login = WorkbooksSettings.From(new AccountSettings(new Dictionary<string, string> { ["username"] = "u@example.com", ["password"] = "password-value" }));

        Assert.Equal(new Uri("https://secure.workbooks.com/"), key.BaseUrl);
        Assert.False(key.UsesSession);
        Assert.True(login.UsesSession);
        Assert.DoesNotContain("-value", key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_form_says_where_Workbooks_shows_the_API_key()
    {
        var apiKey = new WorkbooksConnectorFactory().Descriptor.Settings.Single(s => s.Key == "apiKey");

        Assert.True(apiKey.IsSecret);
        Assert.Contains("Start > Configuration > Email & Integration > API Keys", apiKey.Help, StringComparison.Ordinal);
    }
}
