using System.Text.Json;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Pipedrive.Internal;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>The token endpoint decides where an OAuth account's bearer token goes next: only to Pipedrive, or to an address the host allowed.</summary>
public sealed class ApiDomainGuardTests
{
    [Fact]
    public void A_company_domain_of_Pipedrive_is_taken()
    {
        var domain = new ApiDomain(NetworkPolicy.PublicOnly);

        domain.Capture(Answer("https://acme.pipedrive.com"));

        Assert.Equal(new Uri("https://acme.pipedrive.com/"), domain.Current);
    }

    [Theory]
    [InlineData("https://collector.example.net")]
    [InlineData("https://pipedrive.com.example.net")]
    [InlineData("http://acme.pipedrive.com")]
    [InlineData("https://acme.pipedrive.com:8443")]
    [InlineData("http://127.0.0.1:5080")]
    public void An_address_outside_Pipedrive_is_refused_and_the_calls_stay_where_they_were(string apiDomain)
    {
        var domain = new ApiDomain(NetworkPolicy.PublicOnly);

        var error = Assert.Throws<ConnectorException>(() => domain.Capture(Answer(apiDomain)));

        Assert.Equal("Pipedrive's token answer named an API address outside pipedrive.com; Tandem does not send the account's calls there.", error.Message);
        Assert.Null(domain.Current);
    }

    [Fact]
    public void A_sandbox_the_host_allowed_by_its_exact_address_is_taken()
    {
        var domain = new ApiDomain(NetworkPolicy.Allowing(new Uri("http://127.0.0.1:5081/")));

        domain.Capture(Answer("http://127.0.0.1:5081"));

        Assert.Equal(new Uri("http://127.0.0.1:5081/"), domain.Current);
    }

    private static JsonElement Answer(string apiDomain) =>
        JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["access_token"] = "a", ["api_domain"] = apiDomain })).RootElement;
}
