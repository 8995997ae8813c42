using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing.Conformance;

namespace Tandem.Connectors.Workbooks.Tests;

/// <summary>
/// The Workbooks connector (API key on every request) against the Workbooks sandbox over HTTP on 127.0.0.1. The demo
/// database has the custom fields a database set up for the sync has: Birthday, Notes and a Tags field (tag_array), and
/// the organisation the shared cases name as employer, as a database in use would (creating a missing organisation has
/// its own cases, <see cref="WorkbooksEmployerTests"/>).
/// </summary>
public sealed class WorkbooksConformanceTests : ConnectorConformanceTests
{
    private const int Seeded = 250;

    private readonly WorkbooksSandboxFixture fixture = new(new Sandbox.Workbooks.WorkbooksSandboxOptions { SeedPeople = Seeded });

    protected override int SeededContacts => Seeded;

    public override async ValueTask InitializeAsync()
    {
        _ = fixture.Sandbox.Organisation("Conformance Ltd");
        await fixture.StartAsync(Ct);
    }

    public override async ValueTask DisposeAsync() => await fixture.DisposeAsync();

    protected override IContactConnector Connect() => fixture.Connect();

    protected override void EditInApp(string recordId, string note) =>
        fixture.Sandbox.EditPerson(WorkbooksSandboxFixture.Id(recordId), new JsonObject { ["cf_person_notes"] = note });

    protected override void DeleteInApp(string recordId) => fixture.Sandbox.DeletePerson(WorkbooksSandboxFixture.Id(recordId));

    /// <summary>Workbooks throttles by redirecting to a delaying URL; the sandbox's storm answers those 302s.</summary>
    protected override void RateLimitNext(int requests) => fixture.Sandbox.Faults.RateLimitStorm(requests);

    protected override void FailNext(int requests) => fixture.Sandbox.Faults.ServerErrors(requests);

    protected override void LoseNextWrite() => fixture.Sandbox.Faults.LoseResponses(1);

    /// <summary>Deleted people may be purged after 30 days, so a cursor unread that long is expired.</summary>
    protected override void ExpireCursors() => fixture.Clock.Shift(TimeSpan.FromDays(31));
}
