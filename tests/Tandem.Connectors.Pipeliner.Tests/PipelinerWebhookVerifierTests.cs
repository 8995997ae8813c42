using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.Pipeliner.Tests;

/// <summary>What the Pipeliner webhook verifier makes of deliveries that are not a contact's JSON.</summary>
public sealed class PipelinerWebhookVerifierTests
{
    private readonly IWebhookVerifier verifier = new PipelinerConnectorFactory().Descriptor.Webhooks!;

    private Uri Hook => verifier.Describe(new Uri("http://127.0.0.1:9/hooks/pipeliner/conn-1"), "s3cret").Url;

    [Fact]
    public void The_hook_url_carries_the_secret_and_a_delivery_without_it_is_refused()
    {
        var without = PipelinerWebhookTests.Delivery((new Uri("http://127.0.0.1:9/hooks/pipeliner/conn-1"), "{}"));

        Assert.Equal("secret=s3cret", Hook.Query.TrimStart('?'));
        Assert.Equal("wrong or missing secret in the URL", verifier.Refuse(without, "s3cret"));
    }

    [Fact]
    public void A_delivery_that_is_not_json_is_a_format_error_and_another_entity_is_not_about_contacts()
    {
        Assert.Throws<FormatException>(() => verifier.ConcernsContacts(PipelinerWebhookTests.Delivery((Hook, "not json"))));
        Assert.False(verifier.ConcernsContacts(PipelinerWebhookTests.Delivery((Hook, """{"id":"a1","entity_name":"Account"}"""))));
        Assert.True(verifier.ConcernsContacts(PipelinerWebhookTests.Delivery((Hook, """[{"id":"c1","last_name":"Maes"}]"""))));
    }
}
