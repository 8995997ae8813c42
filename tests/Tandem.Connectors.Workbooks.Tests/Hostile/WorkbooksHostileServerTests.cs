using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Workbooks.Tests.Hostile;

/// <summary>Workbooks (API key) against a hostile server.</summary>
public sealed class WorkbooksHostileServerTests : HostileServerTests
{
    protected override string AppName => "Workbooks";

    protected override HostileVendor Vendor { get; } = new WorkbooksHostileVendor();

    protected override IContactConnector Connect(Uri server, ConnectorContext context, HttpLimits limits) =>
        new WorkbooksConnectorFactory(TestRetries.Fast, limits).Create(
            new AccountSettings(new Dictionary<string, string> { ["apiKey"] = "key", ["baseUrl"] = server.ToString() }),
            context);
}
