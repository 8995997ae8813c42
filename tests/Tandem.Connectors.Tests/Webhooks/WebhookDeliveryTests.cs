using System.Text;
using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    [Fact]
    public void Headers_and_query_parameters_are_found_whatever_their_case()
    {
        var delivery = new WebhookDelivery(
            "POST",
            new Dictionary<string, string> { ["Authorization"] = "Basic abc" },
            new Dictionary<string, string> { ["secret"] = "s" },
            Encoding.UTF8.GetBytes("héllo"));

        Assert.Equal("Basic abc", delivery.Header("authorization"));
        Assert.Null(delivery.Header("X-Signature"));
        Assert.Equal("s", delivery.Query("secret"));
        Assert.Equal("s", delivery.Query("Secret"));
        Assert.Null(delivery.Query("token"));
        Assert.Equal("héllo", delivery.BodyText);
        Assert.False(delivery.IsCheck);
        Assert.True(new WebhookDelivery("get", new Dictionary<string, string>(), new Dictionary<string, string>(), default).IsCheck);
    }

    [Theory]
    [InlineData("s3cr3t", true)]
    [InlineData("s3cr3", false)]
    [InlineData("s3cr3t ", false)]
    [InlineData("S3CR3T", false)]
    [InlineData(null, false)]
    public void A_secret_matches_only_when_it_is_exactly_the_connections(string? given, bool matches)
    {
        Assert.Equal(matches, WebhookSecretComparer.Matches(given, "s3cr3t"));
    }
}
