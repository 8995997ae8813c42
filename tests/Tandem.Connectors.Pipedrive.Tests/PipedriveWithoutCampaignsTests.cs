using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Specs;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>
/// A company without the Campaigns app has no <c>marketing_status</c>: Pipedrive refuses a read that asks for it and a
/// write that sets it, so the connector does neither there (the person fields say whether the company has it).
/// </summary>
public sealed class PipedriveWithoutCampaignsTests : IAsyncLifetime
{
    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly PipedriveSandbox sandbox = new(new PipedriveSandboxOptions { SeedPersons = 5, MarketingApp = false });
    private SandboxHost? host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        sandbox.Dispose();
        validator.AssertNoViolations();
    }

    [Fact]
    public async Task Persons_are_listed_and_updated_without_asking_for_a_marketing_status_the_company_does_not_have()
    {
        await using var connector = Connect();

        var listed = new List<Domain.Contacts.ContactRecord>();
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            listed.AddRange(page.Records);
        }

        var first = listed[0];
        var written = Assert.Single(await connector.WriteAsync(
            [new UpdateOperation("u-1", first.Id, first.Version) { Changes = [new FieldChange(StandardFieldKeys.Title, Values.Text("Buyer"))], Unsubscribe = true }], Ct));

        Assert.Equal(5, listed.Count);
        Assert.True(written.Succeeded, written.Reason);
        Assert.Equal("Buyer", sandbox.Person(int.Parse(first.Id, System.Globalization.CultureInfo.InvariantCulture))!["job_title"]!.GetValue<string>());
    }

    private IContactConnector Connect() => new PipedriveConnectorFactory(TestRetries.Fast).Create(
        new AccountSettings(new Dictionary<string, string> { ["apiToken"] = sandbox.Options.ApiToken, ["baseUrl"] = host!.BaseUri.ToString() }),
        new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(host.BaseUri));
}
