using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Mailchimp.Tests.Hostile;

/// <summary>Mailchimp (API key) against a hostile server; and an OAuth token whose metadata names an address outside Mailchimp.</summary>
public sealed class MailchimpHostileServerTests : HostileServerTests
{
    private readonly MailchimpHostileVendor vendor = new();

    protected override string AppName => "Mailchimp";

    protected override HostileVendor Vendor => vendor;

    [Fact]
    public async Task An_oauth_metadata_answer_naming_an_address_outside_Mailchimp_is_refused()
    {
        vendor.ApiEndpoint = new Uri("https://collector.example.net/");
        await using var connector = new MailchimpConnectorFactory(TestRetries.Fast, Limits).Create(
            new AccountSettings(new Dictionary<string, string> { ["accessToken"] = "token", ["audienceId"] = "a1", ["loginUrl"] = Hostile.BaseUri.ToString() }),
            ConnectorContext.Default.Allowing(Hostile.BaseUri));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.GetSchemaAsync(Ct));

        Assert.Equal("Mailchimp's OAuth metadata named an API address outside api.mailchimp.com; Tandem does not send the account's calls there.", error.Message);
        Assert.NotEmpty(Hostile.Paths);
        Assert.All(Hostile.Paths, p => Assert.Equal("/oauth2/metadata", p));
    }

    protected override IContactConnector Connect(Uri server, ConnectorContext context, HttpLimits limits) =>
        new MailchimpConnectorFactory(TestRetries.Fast, limits).Create(
            new AccountSettings(new Dictionary<string, string> { ["apiKey"] = "key-us1", ["audienceId"] = "a1", ["baseUrl"] = new Uri(server, "3.0/").ToString() }),
            context);
}
