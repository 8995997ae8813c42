using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.GoogleContacts.Tests.Hostile;

/// <summary>Google Contacts against a hostile server: the API and the token endpoint both on it.</summary>
public sealed class GoogleContactsHostileServerTests : HostileServerTests
{
    protected override string AppName => "Google Contacts";

    protected override HostileVendor Vendor { get; } = new GoogleHostileVendor();

    protected override IContactConnector Connect(Uri server, ConnectorContext context, HttpLimits limits) =>
        new GoogleContactsConnectorFactory(TestRetries.Fast, limits).Create(
            new AccountSettings(new Dictionary<string, string>
            {
                ["clientId"] = "client",
                ["clientSecret"] = "secret",
                ["refreshToken"] = "refresh",
                ["baseUrl"] = server.ToString(),
                ["tokenUrl"] = new Uri(server, "token").ToString(),
            }),
            context);
}
