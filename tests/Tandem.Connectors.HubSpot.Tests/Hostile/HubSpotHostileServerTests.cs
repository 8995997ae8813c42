using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.HubSpot.Tests.Hostile;

/// <summary>HubSpot (private app token) against a hostile server.</summary>
public sealed class HubSpotHostileServerTests : HostileServerTests
{
    protected override string AppName => "HubSpot";

    protected override HostileVendor Vendor { get; } = new HubSpotHostileVendor();

    protected override IContactConnector Connect(Uri server, ConnectorContext context, HttpLimits limits) =>
        new HubSpotConnectorFactory(TestRetries.Fast, limits).Create(
            new AccountSettings(new Dictionary<string, string> { ["accessToken"] = "pat-na1-token", ["baseUrl"] = server.ToString() }),
            context);
}
