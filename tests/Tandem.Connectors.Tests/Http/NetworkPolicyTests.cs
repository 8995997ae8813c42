using System.Net;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Tests.Http;

public sealed class NetworkPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Internal_addresses_are_refused_by_default(string address)
    {
        Assert.False(NetworkPolicy.PublicOnly.Permits("app.example", 443, IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:2800:220:1::1")]
    public void Public_addresses_are_permitted(string address)
    {
        Assert.True(NetworkPolicy.PublicOnly.Permits("app.example", 443, IPAddress.Parse(address)));
    }

    [Fact]
    public void An_allowed_sandbox_url_opens_its_host_and_port_only()
    {
        var policy = NetworkPolicy.Allowing(new Uri("http://127.0.0.1:5081/"));

        Assert.True(policy.Permits("127.0.0.1", 5081, IPAddress.Loopback));
        Assert.False(policy.Permits("127.0.0.1", 5082, IPAddress.Loopback));
        Assert.False(policy.Permits("localhost", 5081, IPAddress.Loopback));
        Assert.True(policy.IsExplicitlyAllowed(new Uri("http://127.0.0.1:5081/v1/people")));
        Assert.False(policy.IsExplicitlyAllowed(new Uri("http://127.0.0.1:5082/")));
    }

    [Fact]
    public void The_operator_can_allow_every_internal_address()
    {
        Assert.True(NetworkPolicy.PrivateNetworksAllowed.Permits("dav.lan", 5232, IPAddress.Parse("192.168.1.10")));
    }

    [Fact]
    public void An_allowed_host_opens_every_port_of_that_host()
    {
        var policy = NetworkPolicy.PublicOnly.AndAllowingHosts(["dav.lan"]);

        Assert.True(policy.Permits("dav.lan", 5232, IPAddress.Parse("192.168.1.10")));
        Assert.False(policy.Permits("other.lan", 5232, IPAddress.Parse("192.168.1.10")));
    }

    [Fact]
    public void Widening_a_policy_keeps_its_resolver_and_hint()
    {
        static Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken) => Task.FromResult(new[] { IPAddress.Loopback });
        var policy = NetworkPolicy.PublicOnly.WithHint("Ask the operator.").ResolvingWith(Resolve).AndAllowing(new Uri("http://127.0.0.1:1/")).WithPrivateNetworks(true);

        Assert.Equal("Ask the operator.", policy.Hint);
        Assert.NotNull(policy.Resolver);
        Assert.True(policy.AllowPrivateNetworks);
        Assert.Single(policy.AllowedUrls);
    }
}
