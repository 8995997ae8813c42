using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Workbooks;
using Tandem.Sandbox;
using Tandem.Sandbox.Workbooks;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// Workbooks: the Workbooks sandbox over HTTP on 127.0.0.1 (API key), no people at the start; the demo database has the
/// custom fields Notes, Birthday, Tags (a tag_array) and one per data type. Workbooks keeps time in whole seconds, so its
/// clock moves on two seconds whenever its user acts.
/// </summary>
public sealed class WorkbooksSide : AppSide
{
    private static readonly RetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };
    private readonly SteppedClock clock = new();
    private SandboxHost? host;

    public WorkbooksSide()
    {
        Sandbox = new WorkbooksSandbox(new WorkbooksSandboxOptions { SeedPeople = 0 }, clock);
    }

    public WorkbooksSandbox Sandbox { get; }

    public override string App => "workbooks";

    public override async Task StartAsync() => host = await SandboxHost.StartAsync(Sandbox, cancellationToken: Ct);

    public override IContactConnector Connect() => new WorkbooksConnectorFactory(Fast).Create(
        new AccountSettings(new Dictionary<string, string> { ["apiKey"] = Sandbox.Options.ApiKey, ["baseUrl"] = host!.BaseUri.ToString() }),
        new ConnectorContext(clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(host.BaseUri));

    public override void Later() => clock.Step(TimeSpan.FromSeconds(2));

    /// <summary>Tandem never deletes Workbooks people: the user deletes in Workbooks (a soft delete).</summary>
    public override Task DeleteAsync(string id)
    {
        Later();
        Sandbox.DeletePerson(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
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
