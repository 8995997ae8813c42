using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Woodpecker.Tests.Hostile;

/// <summary>Woodpecker against a hostile server.</summary>
public sealed class WoodpeckerHostileServerTests : HostileServerTests
{
    protected override string AppName => "Woodpecker";

    protected override HostileVendor Vendor { get; } = new WoodpeckerHostileVendor();

    protected override IContactConnector Connect(Uri server, ConnectorContext context, HttpLimits limits) =>
        new WoodpeckerConnectorFactory(TestRetries.Fast, limits).Create(
            new AccountSettings(new Dictionary<string, string> { ["apiKey"] = "key", ["baseUrl"] = server.ToString() }),
            context);
}
