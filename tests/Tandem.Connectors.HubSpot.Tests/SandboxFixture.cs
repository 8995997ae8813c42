using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox;
using Tandem.Sandbox.HubSpot;

namespace Tandem.Connectors.HubSpot.Tests;

/// <summary>A HubSpot sandbox on 127.0.0.1 for one test class, its traffic checked against HubSpot's OpenAPI files at the end.</summary>
public abstract class SandboxFixture : IAsyncLifetime
{
    private readonly OpenApiValidator validator = HubSpotOpenApi.CreateValidator();
    private SandboxHost? host;

    protected SandboxFixture(HubSpotSandboxOptions options)
    {
        Sandbox = new HubSpotSandbox(options, Clock);
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ShiftedClock Clock { get; } = new();

    protected HubSpotSandbox Sandbox { get; }

    protected Uri BaseUri => host!.BaseUri;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(Sandbox, port: 0, validator.Observe, Ct);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        validator.AssertNoViolations();
        GC.SuppressFinalize(this);
    }

    protected IContactConnector Connect() => Connect(new Dictionary<string, string> { ["accessToken"] = Sandbox.Options.PrivateAppToken });

    protected IContactConnector Connect(Dictionary<string, string> settings)
    {
        settings["baseUrl"] = BaseUri.ToString();
        return new HubSpotConnectorFactory(TestRetries.Fast).Create(new AccountSettings(settings), new ConnectorContext(Clock, NullLoggerFactory.Instance).Allowing(BaseUri));
    }

    protected static async Task<List<RecordPage>> ListAsync(IContactConnector connector)
    {
        var pages = new List<RecordPage>();
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            pages.Add(page);
        }

        return pages;
    }

    protected static async Task<(List<Domain.Contacts.ContactRecord> Changed, List<string> Deleted, string Cursor, List<RecordMerge> Merges)> ChangesAsync(IContactConnector connector, string cursor)
    {
        var changed = new List<Domain.Contacts.ContactRecord>();
        var deleted = new List<string>();
        var merges = new List<RecordMerge>();
        ChangePage page;
        do
        {
            page = await connector.ReadChangesAsync(cursor, Ct);
            changed.AddRange(page.Changed);
            deleted.AddRange(page.DeletedIds);
            merges.AddRange(page.Merges);
            cursor = page.NextCursor;
        }
        while (page.HasMore);
        return (changed, deleted, cursor, merges);
    }
}
