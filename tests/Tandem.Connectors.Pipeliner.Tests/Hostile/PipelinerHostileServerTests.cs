using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Pipeliner.Tests.Hostile;

/// <summary>Pipeliner against a hostile server.</summary>
public sealed class PipelinerHostileServerTests : HostileServerTests
{
    protected override string AppName => "Pipeliner";

    protected override HostileVendor Vendor { get; } = new PipelinerHostileVendor();

    protected override IContactConnector Connect(Uri server, ConnectorContext context, HttpLimits limits) =>
        new PipelinerConnectorFactory(TestRetries.Fast, limits).Create(
            new AccountSettings(new Dictionary<string, string> { ["apiToken"] = "token", ["apiPassword"] = "password", ["spaceId"] = "space", ["ownerId"] = "owner", ["serviceUrl"] = server.ToString() }),
            context);
}
