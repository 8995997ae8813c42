using System.Text;
using Tandem.Connectors.Mailchimp;
using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.Mailchimp.Tests.Webhooks;

/// <summary>Mailchimp cannot sign or authenticate its posts: the connection's secret is in the hook URL's query.</summary>
public sealed class MailchimpWebhookVerifierTests
{
    private const string Secret = "s3cr3t-of-connection-1";
    private const string Subscribe = "type=subscribe&fired_at=2026-11-23+10%3A00%3A00&data%5Bemail%5D=new%40example.com&data%5Blist_id%5D=abc";
    private const string Campaign = "type=campaign&fired_at=2026-11-23+10%3A00%3A00&data%5Blist_id%5D=abc";

    private readonly IWebhookVerifier verifier = new MailchimpConnectorFactory().Descriptor.Webhooks!;

    [Fact]
    public void A_post_and_mailchimps_check_carrying_the_secret_in_the_url_are_accepted()
    {
        var check = Request("GET", Secret, string.Empty);

        Assert.Null(verifier.Refuse(Request("POST", Secret, Subscribe), Secret));
        Assert.Null(verifier.Refuse(check, Secret));
        Assert.True(check.IsCheck);
    }

    [Theory]
    [InlineData("POST", null)]
    [InlineData("POST", "guess")]
    [InlineData("POST", "s3cr3t-of-connection-")]
    [InlineData("GET", null)]
    public void A_request_without_the_connections_secret_is_refused_with_a_reason_that_holds_no_secret(string method, string? given)
    {
        var why = verifier.Refuse(Request(method, given, method == "GET" ? string.Empty : Subscribe), Secret);

        Assert.Equal("wrong or missing secret in the URL", why);
    }

    [Fact]
    public void A_member_event_concerns_contacts_and_a_campaign_does_not()
    {
        Assert.True(verifier.ConcernsContacts(Request("POST", Secret, Subscribe)));
        Assert.False(verifier.ConcernsContacts(Request("POST", Secret, Campaign)));
    }

    [Theory]
    [InlineData("""{"meta":{"action":"change","entity":"person","entity_id":"12"}}""", "The post is not a Mailchimp webhook event: its type is missing or unknown.")]
    [InlineData("type=subscribe&fired_at=2026-11-23+10%3A00%3A00", "The Mailchimp webhook event names no list.")]
    [InlineData("type=subscribe&data%5Blist_id%5D=abc", "The Mailchimp webhook event has no valid fired_at.")]
    public void A_body_that_is_not_a_mailchimp_event_is_refused_with_what_its_shape_lacks(string body, string message)
    {
        var error = Assert.Throws<FormatException>(() => verifier.ConcernsContacts(Request("POST", Secret, body)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_set_up_is_the_hook_url_with_the_secret_in_its_query_and_no_credentials()
    {
        var setup = verifier.Describe(new Uri("https://tandem.example.com/hooks/mailchimp/conn-1"), Secret);

        Assert.Equal(new Uri($"https://tandem.example.com/hooks/mailchimp/conn-1?secret={Secret}"), setup.Url);
        Assert.Null(setup.Username);
        Assert.Null(setup.Password);
        Assert.StartsWith("Mailchimp > Audience > Manage audience > Settings > Webhooks > Create new webhook", setup.Instructions, StringComparison.Ordinal);
    }

    private static WebhookDelivery Request(string method, string? secret, string body) =>
        new(
            method,
            new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            secret is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["secret"] = secret },
            Encoding.UTF8.GetBytes(body));
}
