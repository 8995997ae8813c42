using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Conformance;
using Tandem.Connectors.Testing.Specs;
using Tandem.Domain.Fields;
using Tandem.Sandbox;
using Tandem.Sandbox.Woodpecker;

namespace Tandem.Connectors.Woodpecker.Tests;

/// <summary>
/// The Woodpecker connector against the Woodpecker sandbox over HTTP on 127.0.0.1 (more prospects than one 1000-prospect
/// page). Every exchange is checked against the Woodpecker Swagger file. Prospects have no notes and no birthday: a user
/// edits the first snippet.
/// </summary>
public sealed class WoodpeckerConformanceTests : ConnectorConformanceTests
{
    private const int Seeded = 1100;

    private readonly ShiftedClock clock = new();
    private readonly OpenApiValidator validator = WoodpeckerOpenApi.CreateValidator();
    private readonly WoodpeckerSandbox sandbox;
    private SandboxHost? host;

    public WoodpeckerConformanceTests()
    {
        sandbox = new WoodpeckerSandbox(new WoodpeckerSandboxOptions { SeedProspects = Seeded }, clock);
    }

    protected override int SeededContacts => Seeded;

    protected override string NoteField => "snippet1";

    protected override IReadOnlySet<string> FieldsTheAppLacks { get; } = new HashSet<string>(StringComparer.Ordinal) { StandardFieldKeys.Birthday, StandardFieldKeys.Note };

    public override async ValueTask InitializeAsync() =>
        host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        sandbox.Dispose();

        // Every exchange of every test, in both directions, must match the Swagger file (with the README's allowances).
        validator.AssertNoViolations();

        // The connector never overfilled the key's queue: nothing was dropped. (A request whose connection was cut may
        // still be finishing in the sandbox when the next arrives, so the queue can briefly hold two.)
        Assert.Equal(0, sandbox.DroppedRequests);
    }

    protected override IContactConnector Connect() =>
        new WoodpeckerConnectorFactory(TestRetries.Fast).Create(Settings(), new ConnectorContext(clock, NullLoggerFactory.Instance).Allowing(host!.BaseUri));

    protected override void EditInApp(string recordId, string note) =>
        sandbox.EditProspect(int.Parse(recordId, System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, string> { ["snippet1"] = note });

    protected override void DeleteInApp(string recordId) => sandbox.DeleteProspect(int.Parse(recordId, System.Globalization.CultureInfo.InvariantCulture));

    protected override void RateLimitNext(int requests) => sandbox.Faults.RateLimitStorm(requests);

    protected override void FailNext(int requests) => sandbox.Faults.ServerErrors(requests);

    protected override void LoseNextWrite() => sandbox.Faults.LoseResponses(1);

    /// <summary>The cursor's list of prospect ids is renewed by a full rescan at least weekly.</summary>
    protected override void ExpireCursors() => clock.Shift(TimeSpan.FromDays(8));

    private AccountSettings Settings() => new(new Dictionary<string, string>
    {
        ["apiKey"] = sandbox.Options.ApiKey,
        ["baseUrl"] = host!.BaseUri.ToString(),
    });
}
