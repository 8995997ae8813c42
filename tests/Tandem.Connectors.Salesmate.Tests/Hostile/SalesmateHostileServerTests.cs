using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Salesmate.Tests.Hostile;

/// <summary>Salesmate against a hostile server.</summary>
public sealed class SalesmateHostileServerTests : HostileServerTests
{
    protected override string AppName => "Salesmate";

    protected override HostileVendor Vendor { get; } = new SalesmateHostileVendor();

    protected override IContactConnector Connect(Uri server, ConnectorContext context, HttpLimits limits) =>
        new SalesmateConnectorFactory(TestRetries.Fast, limits).Create(
            new AccountSettings(new Dictionary<string, string> { ["linkName"] = "acme", ["accessToken"] = "token", ["baseUrl"] = server.ToString() }),
            context);
}
