using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.Pipeliner.Tests;

/// <summary>The Pipeliner settings class as form, parser and validator: the API access of "Show API Access", the owner, the sales unit.</summary>
public sealed class PipelinerSettingsTests
{
    private static readonly Dictionary<string, string> Valid = new()
    {
        ["apiToken"] = "token", ["apiPassword"] = "password-value", ["spaceId"] = "12345", ["ownerId"] = "Olivia Owner",
    };

    private static string Refusal(Dictionary<string, string> values) =>
        Assert.Throws<ConnectorSettingsException>(() => PipelinerSettings.From(new AccountSettings(values))).Message;

    [Fact]
    public void The_form_asks_for_the_api_access_then_the_user_and_the_sales_unit_and_keeps_the_password_secret()
    {
        var form = new PipelinerConnectorFactory().Descriptor.Settings;

        Assert.Equal(
            ["API token", "API password", "Space ID", "Service URL", "Your Pipeliner user", "Sales unit", "Default phone region"],
            form.Select(f => f.Label));
        Assert.Equal(["apiPassword"], form.Where(f => f.IsSecret).Select(f => f.Key));
        Assert.Contains("Show API Access", form.Single(f => f.Key == "apiToken").Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_api_access_names_each_setting_by_its_label()
    {
        var message = Refusal(new() { ["ownerId"] = "me" });

        Assert.Contains("“API token” (apiToken)", message, StringComparison.Ordinal);
        Assert.Contains("“API password” (apiPassword)", message, StringComparison.Ordinal);
        Assert.Contains("“Space ID” (spaceId)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_space_url_is_the_regions_service_url_with_the_space_and_defaults_to_us_east()
    {
        var us = PipelinerSettings.From(new AccountSettings(Valid));
        var eu = PipelinerSettings.From(new AccountSettings(new Dictionary<string, string>(Valid) { ["serviceUrl"] = "https://eu-central.api.pipelinersales.com" }));

        Assert.Equal(new Uri("https://us-east.api.pipelinersales.com/api/v100/rest/spaces/12345/"), us.SpaceUrl);
        Assert.Equal(new Uri("https://eu-central.api.pipelinersales.com/api/v100/rest/spaces/12345/"), eu.SpaceUrl);
        Assert.DoesNotContain("password-value", us.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_space_id_that_could_leave_the_path_is_refused_by_its_label()
    {
        Assert.Equal(
            "The setting “Space ID” (spaceId) must be the space's id as Show API Access shows it.",
            Refusal(new Dictionary<string, string>(Valid) { ["spaceId"] = "../other" }));
    }
}
