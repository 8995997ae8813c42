using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Wooxy.Tests.Hostile;

/// <summary>Wooxy against a hostile server: what it reads (its contact list and fields) is where the server misbehaves.</summary>
public sealed class WooxyHostileServerTests : HostileServerTests
{
    protected override string AppName => "Wooxy";

    protected override HostileVendor Vendor { get; } = new WooxyHostileVendor();

    protected override bool Lists => false;

    protected override async Task<int> ReadAsync(IContactConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        _ = await connector.GetSchemaAsync(Ct);
        return 1;
    }

    protected override IContactConnector Connect(Uri server, ConnectorContext context, HttpLimits limits) =>
        new WooxyConnectorFactory(TestRetries.Fast, limits).Create(
            new AccountSettings(new Dictionary<string, string> { ["accessToken"] = "token", ["domain"] = "example.com", ["baseUrl"] = server.ToString() }),
            context);
}
