using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Pipedrive.Tests.Hostile;

/// <summary>Pipedrive (API token) against a hostile server.</summary>
public sealed class PipedriveHostileServerTests : HostileServerTests
{
    protected override string AppName => "Pipedrive";

    protected override HostileVendor Vendor { get; } = new PipedriveHostileVendor();

    protected override IContactConnector Connect(Uri server, ConnectorContext context, HttpLimits limits) =>
        new PipedriveConnectorFactory(TestRetries.Fast, limits).Create(
            new AccountSettings(new Dictionary<string, string> { ["apiToken"] = "token", ["baseUrl"] = server.ToString() }),
            context);
}
