using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Sandbox;
using Tandem.Sandbox.Wooxy;

namespace Tandem.Connectors.Wooxy.Tests;

/// <summary>
/// A Wooxy sandbox on 127.0.0.1 whose requests are pending for 30 ms, and connectors to its Default Contact List that
/// ask <c>request/find</c> after pauses of 40 ms (five times), so a write normally settles within its call.
/// </summary>
internal sealed class WooxyFixture : IAsyncDisposable
{
    public static readonly IReadOnlyList<TimeSpan> Pauses = [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(40), 5)];

    private SandboxHost? host;

    public WooxyFixture(WooxySandboxOptions? options = null)
    {
        Sandbox = new WooxySandbox(options ?? new WooxySandboxOptions { ProcessingDelay = TimeSpan.FromMilliseconds(30) });
    }

    public WooxySandbox Sandbox { get; }

    public Uri BaseUri => host!.BaseUri;

    public async Task StartAsync(CancellationToken cancellationToken) => host = await SandboxHost.StartAsync(Sandbox, port: 0, cancellationToken);

    public IContactConnector Connect(string? contactList = null, IReadOnlyList<TimeSpan>? pauses = null) =>
        new WooxyConnectorFactory(TestRetries.Fast, settlementPauses: pauses ?? Pauses).Create(Settings(contactList), new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(BaseUri));

    public AccountSettings Settings(string? contactList = null)
    {
        var values = new Dictionary<string, string>
        {
            ["accessToken"] = Sandbox.Options.AccessToken,
            ["domain"] = Sandbox.Options.Domain,
            ["baseUrl"] = BaseUri.ToString(),
        };
        if (contactList is not null)
        {
            values["contactList"] = contactList;
        }

        return new AccountSettings(values);
    }

    public int CountInList(string listId, string identifier) =>
        Sandbox.Identifiers(listId).Count(i => string.Equals(i, identifier, StringComparison.OrdinalIgnoreCase));

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        Sandbox.Dispose();
    }
}
