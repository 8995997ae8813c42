using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Woodpecker;
using Tandem.Domain.Fields;
using Tandem.Sandbox;
using Tandem.Sandbox.Woodpecker;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// Woodpecker: the Woodpecker sandbox over HTTP on 127.0.0.1, no prospects at the start. A prospect has one email and
/// no notes, so the cases edit its title and its company name; <c>updated</c> has whole seconds, so the clock steps on.
/// </summary>
public sealed class WoodpeckerSide : AppSide
{
    private static readonly RetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };
    private readonly SteppedClock clock = new();
    private SandboxHost? host;

    public WoodpeckerSide()
    {
        Sandbox = new WoodpeckerSandbox(new WoodpeckerSandboxOptions { SeedProspects = 0 }, clock);
    }

    public WoodpeckerSandbox Sandbox { get; }

    public override string App => "woodpecker";

    public override bool DetectsUnsubscribes => true;

    public override (string First, string Second) TextFields => (StandardFieldKeys.Title, StandardFieldKeys.Org);

    public override async Task StartAsync() => host = await SandboxHost.StartAsync(Sandbox, cancellationToken: Ct);

    public override IContactConnector Connect() => new WoodpeckerConnectorFactory(Fast).Create(
        new AccountSettings(new Dictionary<string, string> { ["apiKey"] = Sandbox.Options.ApiKey, ["baseUrl"] = host!.BaseUri.ToString() }),
        new ConnectorContext(clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(host.BaseUri));

    public override void Later() => clock.Step(TimeSpan.FromSeconds(2));

    /// <summary>A prospect has one email address.</summary>
    protected override FieldValue EmailValue(string email) => Values.Email(email);

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        Sandbox.Dispose();
    }
}
