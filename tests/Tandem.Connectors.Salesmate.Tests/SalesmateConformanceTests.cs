using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Conformance;
using Tandem.Sandbox;
using Tandem.Sandbox.Salesmate;

namespace Tandem.Connectors.Salesmate.Tests;

/// <summary>
/// The Salesmate connector against the Salesmate sandbox over HTTP on 127.0.0.1. Salesmate has no change feed, so the
/// shared cases find its changes and deletions by comparing version listings; the account has a date custom field
/// labelled "Birthday", as accounts that sync birthdays add one (Salesmate has no standard birthday), and the company
/// the shared cases name, as an account set up for the sync would; creating a missing company has its own case.
/// </summary>
public sealed class SalesmateConformanceTests : ConnectorConformanceTests
{
    private const int Seeded = 620;

    private readonly SalesmateSandbox sandbox = new(new SalesmateSandboxOptions { SeedContacts = Seeded });
    private SandboxHost? host;

    protected override int SeededContacts => Seeded;

    internal SalesmateSandbox Sandbox => sandbox;

    public override async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, Ct);
        _ = sandbox.CompanyId("Conformance Ltd");
    }

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    protected override IContactConnector Connect() =>
        new SalesmateConnectorFactory(TestRetries.Fast).Create(Settings(), new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(host!.BaseUri));

    protected override void EditInApp(string recordId, string note) => sandbox.EditContact(Id(recordId), new JsonObject { ["description"] = note });

    protected override void DeleteInApp(string recordId) => sandbox.DeleteContact(Id(recordId));

    protected override void RateLimitNext(int requests) => sandbox.Faults.RateLimitStorm(requests);

    protected override void FailNext(int requests) => sandbox.Faults.ServerErrors(requests);

    protected override void LoseNextWrite() => sandbox.Faults.LoseResponses(1);

    internal static int Id(string recordId) => int.Parse(recordId, CultureInfo.InvariantCulture);

    internal AccountSettings Settings() => new(new Dictionary<string, string>
    {
        ["linkName"] = sandbox.Options.LinkName,
        ["accessToken"] = sandbox.Options.SessionKey,
        ["baseUrl"] = host!.BaseUri.ToString(),
    });
}
