using System.Text;
using Tandem.Connectors.Pipedrive;
using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.Pipedrive.Tests.Webhooks;

/// <summary>Pipedrive's deliveries carry HTTP basic auth: user "tandem", the connection's secret as password.</summary>
public sealed class PipedriveWebhookVerifierTests
{
    private const string Secret = "s3cr3t-of-connection-1";
    private const string PersonChanged = """{"meta":{"action":"change","entity":"person","entity_id":"12"}}""";

    private readonly IWebhookVerifier verifier = new PipedriveConnectorFactory().Descriptor.Webhooks!;

    [Fact]
    public void A_delivery_with_user_tandem_and_the_connections_secret_is_accepted()
    {
        Assert.Null(verifier.Refuse(Post(PersonChanged, Basic("tandem", Secret)), Secret));
    }

    [Theory]
    [InlineData("tandem", "guess")]
    [InlineData("someone", Secret)]
    [InlineData("tandem", "")]
    public void A_delivery_with_other_credentials_is_refused_with_a_reason_that_holds_no_secret(string user, string password)
    {
        var why = verifier.Refuse(Post(PersonChanged, Basic(user, password)), Secret);

        Assert.Equal("missing or wrong basic-authentication credentials", why);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer " + Secret)]
    [InlineData("Basic not-base64!")]
    public void A_delivery_without_basic_credentials_is_refused_and_the_reason_never_repeats_what_it_carried(string? authorization)
    {
        var why = verifier.Refuse(Post(PersonChanged, authorization), Secret);

        Assert.Equal("missing or wrong basic-authentication credentials", why);
        Assert.DoesNotContain(Secret, why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_to_a_person_concerns_contacts_and_one_to_a_deal_does_not()
    {
        Assert.True(verifier.ConcernsContacts(Post(PersonChanged, Basic("tandem", Secret))));
        Assert.True(verifier.ConcernsContacts(Post("""{"v":1,"meta":{"action":"deleted","object":"person","id":12}}""", Basic("tandem", Secret))));
        Assert.False(verifier.ConcernsContacts(Post("""{"meta":{"action":"change","entity":"deal","entity_id":"7"}}""", Basic("tandem", Secret))));
    }

    [Theory]
    [InlineData("type=subscribe&data%5Bemail%5D=a%40example.com", "The webhook delivery is not JSON.")]
    [InlineData("""{"hello":1}""", "The webhook delivery has no meta object.")]
    [InlineData("""{"meta":{"action":"change","entity":"person"}}""", "The webhook delivery names no person id.")]
    public void A_body_that_is_not_a_pipedrive_delivery_is_refused_with_what_its_shape_lacks(string body, string message)
    {
        var error = Assert.Throws<FormatException>(() => verifier.ConcernsContacts(Post(body, Basic("tandem", Secret))));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_set_up_is_the_hook_url_itself_with_user_tandem_and_the_secret_as_password()
    {
        var hook = new Uri("https://tandem.example.com/hooks/pipedrive/conn-1");

        var setup = verifier.Describe(hook, Secret);

        Assert.Equal(hook, setup.Url);
        Assert.Equal("tandem", setup.Username);
        Assert.Equal(Secret, setup.Password);
        Assert.StartsWith("Pipedrive > Tools and apps > Webhooks > Create new webhook: event object 'person'", setup.Instructions, StringComparison.Ordinal);
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    private static WebhookDelivery Post(string body, string? authorization) =>
        new(
            "POST",
            authorization is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["authorization"] = authorization },
            new Dictionary<string, string>(),
            Encoding.UTF8.GetBytes(body));
}
