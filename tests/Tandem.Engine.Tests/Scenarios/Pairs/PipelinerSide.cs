using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Pipeliner;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipeliner;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// Pipeliner CRM: the Pipeliner sandbox over HTTP on 127.0.0.1, an empty space at the start; the account's user is the
/// space's first user (the owner of the contacts Tandem creates). Its stamps have microseconds, so no clock moves.
/// </summary>
public sealed class PipelinerSide : AppSide
{
    private static readonly RetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };
    private SandboxHost? host;

    public PipelinerSandbox Sandbox { get; } = new(new PipelinerSandboxOptions { SeedContacts = 0 });

    public override string App => "pipeliner";

    public override bool DetectsUnsubscribes => true;

    public override async Task StartAsync() => host = await SandboxHost.StartAsync(Sandbox, cancellationToken: Ct);

    public override IContactConnector Connect() => new PipelinerConnectorFactory(Fast).Create(new AccountSettings(new Dictionary<string, string>
    {
        ["apiToken"] = Sandbox.Options.ApiToken,
        ["apiPassword"] = Sandbox.Options.ApiPassword,
        ["spaceId"] = Sandbox.Options.SpaceId,
        ["serviceUrl"] = host!.BaseUri.ToString(),
        ["ownerId"] = PipelinerSandbox.Clients[0].Name,
    }), ConnectorContext.Default.Allowing(host.BaseUri));

    /// <summary>The Pipeliner connector never deletes: the user deletes in Pipeliner.</summary>
    public override Task DeleteAsync(string id)
    {
        Sandbox.DeleteContact(id);
        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
