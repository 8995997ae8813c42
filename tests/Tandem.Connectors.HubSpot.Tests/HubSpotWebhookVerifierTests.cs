using System.Text;
using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.HubSpot.Tests;

/// <summary>The verifier on its own: which deliveries ask for a run, and where its key comes from.</summary>
public sealed class HubSpotWebhookVerifierTests
{
    private readonly IWebhookVerifier verifier = new HubSpotConnectorFactory().Descriptor.Webhooks!;

    [Fact]
    public void A_delivery_about_companies_only_asks_for_no_run_and_a_body_that_is_no_event_list_is_refused()
    {
        var companies = new WebhookDelivery("POST", new Dictionary<string, string>(), new Dictionary<string, string>(), Encoding.UTF8.GetBytes("""[{"subscriptionType":"company.creation","objectId":5}]"""));
        var notHubSpot = new WebhookDelivery("POST", new Dictionary<string, string>(), new Dictionary<string, string>(), Encoding.UTF8.GetBytes("""{"meta":{}}"""));

        Assert.False(verifier.ConcernsContacts(companies));
        Assert.Throws<FormatException>(() => verifier.ConcernsContacts(notHubSpot));
        Assert.Equal("clientSecret", verifier.SigningKeySetting);
    }

    [Fact]
    public void A_delivery_whose_url_is_unknown_is_refused_and_the_setup_names_the_client_secret()
    {
        var delivery = new WebhookDelivery("POST", new Dictionary<string, string>(), new Dictionary<string, string>(), Encoding.UTF8.GetBytes("[]"));

        Assert.Equal("the URL HubSpot called is not known", verifier.Refuse(delivery, "secret"));
        var setup = verifier.Describe(new Uri("https://tandem.example.com/hooks/hubspot/42"), "unused");
        Assert.Equal((null, null), (setup.Username, setup.Password));
        Assert.Contains("client secret", setup.Instructions, StringComparison.Ordinal);
    }
}
