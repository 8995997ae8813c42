using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Pipedrive;
using Tandem.Domain.Configuration;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// Pipedrive: the Pipedrive sandbox over HTTP on 127.0.0.1, no persons at the start; the company has the labels the
/// cases tag with (Pipedrive labels are defined in its settings, never through the API). Pipedrive keeps time in whole
/// seconds, so its clock moves on two seconds whenever its user acts.
/// </summary>
public sealed class PipedriveSide : AppSide
{
    /// <summary>The label a rule's action adds in the cases.</summary>
    public const string RuleTag = "From rule";

    private static readonly RetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };
    private readonly SteppedClock clock = new();
    private SandboxHost? host;

    private readonly (string First, string Second)? textFields;

    /// <param name="textFields">The text fields the pair's cases edit, when the other app has no notes (Woodpecker): job title and organization.</param>
    public PipedriveSide((string First, string Second)? textFields = null)
    {
        this.textFields = textFields;
        Sandbox = new PipedriveSandbox(new PipedriveSandboxOptions
        {
            SeedPersons = 0,
            Labels = ["Customer", "VIP", RuleTag, SyncOptions.TrashTag, SyncOptions.UnsubscribesTag],
        }, clock);
    }

    public PipedriveSandbox Sandbox { get; }

    public override string App => "pipedrive";

    public override bool DetectsUnsubscribes => true;

    public override (string First, string Second) TextFields => textFields ?? base.TextFields;

    public override async Task StartAsync() => host = await SandboxHost.StartAsync(Sandbox, cancellationToken: Ct);

    public override IContactConnector Connect() => new PipedriveConnectorFactory(Fast).Create(
        new AccountSettings(new Dictionary<string, string> { ["apiToken"] = Sandbox.Options.ApiToken, ["baseUrl"] = host!.BaseUri.ToString() }),
        new ConnectorContext(clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(host.BaseUri));

    public override void Later() => clock.Step(TimeSpan.FromSeconds(2));

    /// <summary>The record key of a custom field of the sandbox company, by its name ("Segment").</summary>
    public static string Custom(string name) => "custom." + PipedriveSandbox.CustomFieldKey(name);

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        Sandbox.Dispose();
    }
}
