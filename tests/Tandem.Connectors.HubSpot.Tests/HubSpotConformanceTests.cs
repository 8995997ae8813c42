using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Conformance;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox;
using Tandem.Sandbox.HubSpot;

namespace Tandem.Connectors.HubSpot.Tests;

/// <summary>The HubSpot connector against the HubSpot sandbox over HTTP on 127.0.0.1, every exchange checked against HubSpot's OpenAPI files.</summary>
public sealed class HubSpotConformanceTests : ConnectorConformanceTests
{
    private const int Seeded = 250;

    private readonly ShiftedClock clock = new();
    private readonly OpenApiValidator validator = HubSpotOpenApi.CreateValidator();
    private readonly HubSpotSandbox sandbox;
    private SandboxHost? host;

    public HubSpotConformanceTests()
    {
        sandbox = new HubSpotSandbox(new HubSpotSandboxOptions { SeedContacts = Seeded }, clock);
    }

    protected override int SeededContacts => Seeded;

    public override async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        // Every exchange of every test, in both directions, must match HubSpot's OpenAPI files.
        validator.AssertNoViolations();
    }

    protected override IContactConnector Connect() =>
        new HubSpotConnectorFactory(TestRetries.Fast).Create(Settings(), new ConnectorContext(clock, NullLoggerFactory.Instance).Allowing(host!.BaseUri));

    protected override void EditInApp(string recordId, string note) => sandbox.EditContact(recordId, new Dictionary<string, string> { ["message"] = note });

    protected override void DeleteInApp(string recordId) => sandbox.DeleteContact(recordId);

    protected override void RateLimitNext(int requests) => sandbox.Faults.RateLimitStorm(requests);

    protected override void FailNext(int requests) => sandbox.Faults.ServerErrors(requests);

    protected override void LoseNextWrite() => sandbox.Faults.LoseResponses(1);

    /// <summary>HubSpot purges archived contacts after 90 days, so a cursor left unread that long is expired.</summary>
    protected override void ExpireCursors() => clock.Shift(TimeSpan.FromDays(91));

    private AccountSettings Settings() => new(new Dictionary<string, string>
    {
        ["accessToken"] = sandbox.Options.PrivateAppToken,
        ["baseUrl"] = host!.BaseUri.ToString(),
    });
}
