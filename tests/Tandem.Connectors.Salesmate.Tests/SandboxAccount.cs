using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Sandbox;
using Tandem.Sandbox.Salesmate;

namespace Tandem.Connectors.Salesmate.Tests;

/// <summary>A Salesmate sandbox on 127.0.0.1 and connectors to it, for the cases beyond the shared conformance suite.</summary>
public abstract class SandboxAccount : IAsyncLifetime
{
    private SandboxHost? host;

    protected SandboxAccount(int seeded = 40)
    {
        Sandbox = new SalesmateSandbox(new SalesmateSandboxOptions { SeedContacts = seeded });
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected SalesmateSandbox Sandbox { get; }

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(Sandbox, port: 0, Ct);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected IContactConnector Connect(Dictionary<string, string>? extra = null)
    {
        var values = new Dictionary<string, string>
        {
            ["linkName"] = Sandbox.Options.LinkName,
            ["accessToken"] = Sandbox.Options.SessionKey,
            ["baseUrl"] = host!.BaseUri.ToString(),
        };
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value;
        }

        if (extra?.ContainsKey("sessionKey") == true)
        {
            values.Remove("accessToken");
        }

        return new SalesmateConnectorFactory(TestRetries.Fast).Create(new AccountSettings(values), new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(host!.BaseUri));
    }

    protected static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    protected static int Id(string id) => int.Parse(id, CultureInfo.InvariantCulture);
}
