using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Tests.Catalog.Settings;

public sealed class SettingsFormTests
{
    private static AccountSettings Values(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal));

    [Fact]
    public void The_form_lists_each_setting_in_declaration_order_with_its_label_help_and_flags()
    {
        var fields = SettingsForm.Fields<ExampleSettings>();

        Assert.Equal(
            [
                new SettingField("apiToken", "API token", "Profile > API > Your token.") { IsSecret = true, IsRequired = true },
                new SettingField("baseUrl", "API base URL", "Leave empty for the app itself.") { IsRequired = false, IsAddress = true },
                new SettingField("defaultRegion", "Default phone region", "Such as BE.") { IsRequired = false },
                new SettingField("newMemberStatus", "Status of new members", "subscribed or pending.") { IsRequired = false },
                new SettingField("refreshToken", "Refresh token", "Filled in by the consent page.") { IsSecret = true, IsRequired = false, IsFilledByConsent = true },
            ],
            fields);
    }

    [Fact]
    public void Values_are_read_into_their_properties_trimmed_normalised_and_typed()
    {
        var settings = SettingsForm.Parse<ExampleSettings>(Values(
            ("apiToken", "  t0ken "), ("baseUrl", "http://127.0.0.1:5082/"), ("defaultRegion", "be"), ("newMemberStatus", "PENDING"), ("refreshToken", "r")));

        Assert.Equal("t0ken", settings.ApiToken);
        Assert.Equal(new Uri("http://127.0.0.1:5082/"), settings.BaseUrl);
        Assert.Equal("BE", settings.DefaultRegion);
        Assert.Equal("pending", settings.NewMemberStatus);
        Assert.Equal("r", settings.RefreshToken);
    }

    [Fact]
    public void An_empty_or_blank_value_counts_as_not_given()
    {
        var settings = SettingsForm.Parse<ExampleSettings>(Values(("apiToken", "t"), ("baseUrl", "  "), ("defaultRegion", "")));

        Assert.Null(settings.BaseUrl);
        Assert.Null(settings.DefaultRegion);
    }

    [Fact]
    public void A_missing_required_setting_is_named_by_its_label_and_key()
    {
        var error = Assert.Throws<ConnectorSettingsException>(() => SettingsForm.Parse<ExampleSettings>(Values(("apiToken", " "))));

        Assert.Equal("The setting “API token” (apiToken) is required.", error.Message);
    }

    [Theory]
    [InlineData("baseUrl", "ftp://secret-value.example/", "The setting “API base URL” (baseUrl) must be an absolute http:// or https:// address.")]
    [InlineData("baseUrl", "secret-value", "The setting “API base URL” (baseUrl) must be an absolute http:// or https:// address.")]
    [InlineData("defaultRegion", "secret-value", "The setting “Default phone region” (defaultRegion) must be a two-letter region code such as BE or US.")]
    [InlineData("newMemberStatus", "secret-value", "The setting “Status of new members” (newMemberStatus) must be one of subscribed, pending.")]
    public void A_refused_value_is_named_by_the_setting_never_repeated(string key, string value, string expected)
    {
        var error = Assert.Throws<ConnectorSettingsException>(() => SettingsForm.Parse<ExampleSettings>(Values(("apiToken", "t"), (key, value))));

        Assert.Equal(expected, error.Message);
        Assert.DoesNotContain("secret-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_refused_with_the_settings_there_are()
    {
        var error = Assert.Throws<ConnectorSettingsException>(() => SettingsForm.Parse<ExampleSettings>(Values(("apiToken", "t"), ("apiTokn", "x"))));

        Assert.Equal("There is no setting 'apiTokn'; the settings are apiToken, baseUrl, defaultRegion, newMemberStatus, refreshToken.", error.Message);
    }

    [Fact]
    public void Every_problem_is_told_at_once()
    {
        var error = Assert.Throws<ConnectorSettingsException>(() => SettingsForm.Parse<ExampleSettings>(Values(("extra", "x"), ("defaultRegion", "Belgium"))));

        Assert.Equal(
            "There is no setting 'extra'; the settings are apiToken, baseUrl, defaultRegion, newMemberStatus, refreshToken. "
            + "The setting “API token” (apiToken) is required. "
            + "The setting “Default phone region” (defaultRegion) must be a two-letter region code such as BE or US.",
            error.Message);
    }

    [Fact]
    public void Rules_across_settings_run_once_each_setting_passed_its_own_checks()
    {
        var across = Assert.Throws<ConnectorSettingsException>(() => SettingsForm.Parse<ExampleSettings>(Values(("apiToken", "t"), ("newMemberStatus", "pending"))));
        var single = Assert.Throws<ConnectorSettingsException>(() => SettingsForm.Parse<ExampleSettings>(Values(("newMemberStatus", "pending"))));

        Assert.Equal("The setting “Status of new members” (newMemberStatus) 'pending' needs the setting “Refresh token” (refreshToken).", across.Message);
        Assert.Equal("The setting “API token” (apiToken) is required.", single.Message);
    }

    [Fact]
    public void Values_gives_the_set_settings_under_their_stored_keys_and_reads_back_the_same()
    {
        var settings = new ExampleSettings { ApiToken = "t", BaseUrl = new Uri("http://127.0.0.1:9/api/"), RefreshToken = string.Empty };

        var values = SettingsForm.Values(settings);
        var again = SettingsForm.Parse<ExampleSettings>(new AccountSettings(values));

        Assert.Equal(new Dictionary<string, string> { ["apiToken"] = "t", ["baseUrl"] = "http://127.0.0.1:9/api/" }, values);
        Assert.Equal(settings.BaseUrl, again.BaseUrl);
        Assert.Equal("t!", again.Derived);
    }

    [Fact]
    public void Labels_name_a_setting_by_its_property()
    {
        var labels = SettingsForm.Labels<ExampleSettings>();

        Assert.Equal("“Refresh token” (refreshToken)", labels[nameof(ExampleSettings.RefreshToken)]);
        Assert.Throws<ArgumentException>(() => labels[nameof(ExampleSettings.Derived)]);
    }

    [Fact]
    public void A_key_declared_twice_is_a_programming_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SettingsForm.Fields<TwiceDeclaredSettings>());

        Assert.Equal("TwiceDeclaredSettings declares the setting key 'token' more than once.", error.Message);
    }

    [Fact]
    public void A_setting_of_a_type_the_binder_cannot_read_is_a_programming_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SettingsForm.Fields<NumberSettings>());

        Assert.Equal("NumberSettings.PageSize is a setting of type Int32; settings are strings or URLs.", error.Message);
    }
}
