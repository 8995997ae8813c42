using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Wooxy;
using Tandem.Sandbox;
using Tandem.Sandbox.Wooxy;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// Wooxy: the Wooxy sandbox over HTTP on 127.0.0.1, its Default Contact List empty at the start. Requests are pending
/// for 30 ms and the connector asks about them after pauses of 40 ms, so a run's writes normally settle within it.
/// Write-only: it lists nothing, so it is only ever side B of a one-way connection.
/// </summary>
public sealed class WooxySide : AppSide
{
    private static readonly RetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };
    private static readonly IReadOnlyList<TimeSpan> Pauses = [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(40), 5)];
    private SandboxHost? host;

    public WooxySandbox Sandbox { get; } = new(new WooxySandboxOptions { ProcessingDelay = TimeSpan.FromMilliseconds(30), SeedContacts = 0 });

    public override string App => "wooxy";

    public override async Task StartAsync() => host = await SandboxHost.StartAsync(Sandbox, cancellationToken: Ct);

    public override IContactConnector Connect() => new WooxyConnectorFactory(Fast, settlementPauses: Pauses).Create(
        new AccountSettings(new Dictionary<string, string>
        {
            ["accessToken"] = Sandbox.Options.AccessToken,
            ["domain"] = Sandbox.Options.Domain,
            ["baseUrl"] = host!.BaseUri.ToString(),
        }),
        new ConnectorContext(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(host.BaseUri));

    /// <summary>The Default Contact List's contact with this email, phone or user ID as Wooxy shows it, or null.</summary>
    public System.Text.Json.Nodes.JsonObject? Contact(string identifier) => Sandbox.Contact(WooxySandbox.DefaultListId, identifier);

    /// <summary>The Default Contact List's contacts by their identifiers.</summary>
    public IReadOnlyList<string> Contacts => Sandbox.Identifiers(WooxySandbox.DefaultListId);

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        Sandbox.Dispose();
    }
}
