using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.HubSpot.Webhooks;
using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.HubSpot.Tests;

/// <summary>Webhook signature v3: HMAC-SHA256 of method, URI, body and timestamp with the client secret; stale timestamps refused.</summary>
public sealed class HubSpotSignatureTests
{
    private const string Secret = "client-secret";
    private const string Body = """[{"eventId":1,"subscriptionType":"contact.propertyChange","objectId":1001}]""";
    private static readonly Uri Hook = new("https://tandem.example.com/hooks/hubspot/42");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_delivery_signed_with_the_client_secret_a_minute_ago_is_accepted()
    {
        var sent = clock.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds();

        Assert.Null(new HubSpotSignature(clock).Refuse(Delivery(HubSpotSignature.Sign(Secret, "POST", Hook, Body, sent), sent, Body), Hook, Secret));
    }

    [Fact]
    public void A_delivery_older_than_five_minutes_is_refused_even_with_a_good_signature()
    {
        var sent = clock.GetUtcNow().AddMinutes(-6).ToUnixTimeMilliseconds();

        Assert.Equal("the delivery's timestamp is more than five minutes old", new HubSpotSignature(clock).Refuse(Delivery(HubSpotSignature.Sign(Secret, "POST", Hook, Body, sent), sent, Body), Hook, Secret));
    }

    [Fact]
    public void A_changed_body_another_secret_or_no_signature_is_refused()
    {
        var sent = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var signature = new HubSpotSignature(clock);
        var good = HubSpotSignature.Sign(Secret, "POST", Hook, Body, sent);

        Assert.Equal("the signature does not match", signature.Refuse(Delivery(good, sent, Body.Replace("1001", "1002", StringComparison.Ordinal)), Hook, Secret));
        Assert.Equal("the signature does not match", signature.Refuse(Delivery(HubSpotSignature.Sign("other", "POST", Hook, Body, sent), sent, Body), Hook, Secret));
        Assert.Equal("no X-HubSpot-Signature-v3 header", signature.Refuse(new WebhookDelivery("POST", new Dictionary<string, string>(), new Dictionary<string, string>(), Encoding.UTF8.GetBytes(Body)), Hook, Secret));
    }

    private static WebhookDelivery Delivery(string signature, long timestamp, string body) => new(
        "POST",
        new Dictionary<string, string>
        {
            [HubSpotSignature.SignatureHeader] = signature,
            [HubSpotSignature.TimestampHeader] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        new Dictionary<string, string>(),
        Encoding.UTF8.GetBytes(body));
}
