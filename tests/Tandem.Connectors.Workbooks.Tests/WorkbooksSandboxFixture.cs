using System.Globalization;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Sandbox;
using Tandem.Sandbox.Workbooks;

namespace Tandem.Connectors.Workbooks.Tests;

/// <summary>A Workbooks sandbox on 127.0.0.1 and the settings to connect to it, on a clock the test can move.</summary>
internal sealed class WorkbooksSandboxFixture : IAsyncDisposable
{
    private SandboxHost? host;

    public WorkbooksSandboxFixture(WorkbooksSandboxOptions? options = null)
    {
        Sandbox = new WorkbooksSandbox(options, Clock);
    }

    public ShiftedClock Clock { get; } = new();

    public WorkbooksSandbox Sandbox { get; }

    public Uri BaseUri => host!.BaseUri;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        host = await SandboxHost.StartAsync(Sandbox, cancellationToken: cancellationToken);

    public AccountSettings ApiKeySettings() => new(new Dictionary<string, string>
    {
        ["apiKey"] = Sandbox.Options.ApiKey,
        ["baseUrl"] = BaseUri.ToString(),
    });

    public AccountSettings LoginSettings(string? databaseId = null)
    {
        var values = new Dictionary<string, string>
        {
            ["username"] = Sandbox.Options.Username,
            ["password"] = Sandbox.Options.Password,
            ["baseUrl"] = BaseUri.ToString(),
        };
        if (databaseId is not null)
        {
            values["databaseId"] = databaseId;
        }

        return new(values);
    }

    public IContactConnector Connect(AccountSettings? settings = null) =>
        new WorkbooksConnectorFactory(TestRetries.Fast).Create(
            settings ?? ApiKeySettings(),
            new ConnectorContext(Clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(BaseUri));

    public static int Id(string recordId) => int.Parse(recordId, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
