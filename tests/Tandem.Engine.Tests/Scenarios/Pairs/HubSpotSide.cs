using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.HubSpot;
using Tandem.Connectors.Http;
using Tandem.Sandbox;
using Tandem.Sandbox.HubSpot;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// HubSpot: the HubSpot sandbox over HTTP on 127.0.0.1 with a private app token, no contacts at the start; its custom
/// properties (Nickname, Score, Contract start, Segment, Interests, …) are the portal's. HubSpot keeps time in
/// milliseconds; the clock still steps on when its user acts, so a user's edit never shares Tandem's millisecond.
/// </summary>
public sealed class HubSpotSide : AppSide
{
    private static readonly RetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };
    private readonly SteppedClock clock = new();
    private SandboxHost? host;

    public HubSpotSide()
    {
        Sandbox = new HubSpotSandbox(new HubSpotSandboxOptions { SeedContacts = 0 }, clock);
    }

    public HubSpotSandbox Sandbox { get; }

    public override string App => "hubspot";

    public override bool DetectsUnsubscribes => true;

    public override async Task StartAsync() => host = await SandboxHost.StartAsync(Sandbox, cancellationToken: Ct);

    public override IContactConnector Connect() => new HubSpotConnectorFactory(Fast).Create(
        new AccountSettings(new Dictionary<string, string> { ["accessToken"] = Sandbox.Options.PrivateAppToken, ["baseUrl"] = host!.BaseUri.ToString() }),
        new ConnectorContext(clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(host.BaseUri));

    public override void Later() => clock.Step(TimeSpan.FromMilliseconds(20));

    /// <summary>The record key of a contact property by its internal name ("score").</summary>
    public static string Property(string name) => HubSpotFieldKeys.PropertyPrefix + name;

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        Sandbox.Dispose();
    }
}
