using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox;
using Tandem.Sandbox.Woodpecker;

namespace Tandem.Connectors.Woodpecker.Tests;

/// <summary>A Woodpecker sandbox on 127.0.0.1 with the Swagger validator watching, and connectors to it on its key.</summary>
internal sealed class WoodpeckerRun : IAsyncDisposable
{
    private readonly OpenApiValidator validator = WoodpeckerOpenApi.CreateValidator();
    private readonly TimeProvider clock;
    private SandboxHost? host;

    private WoodpeckerRun(WoodpeckerSandbox sandbox, TimeProvider clock)
    {
        Sandbox = sandbox;
        this.clock = clock;
    }

    public WoodpeckerSandbox Sandbox { get; }

    public Uri BaseUri => host!.BaseUri;

    public static async Task<WoodpeckerRun> StartAsync(int prospects = 30, TimeProvider? clock = null, HttpMessageHandler? webhooks = null)
    {
        var time = clock ?? TimeProvider.System;
        var run = new WoodpeckerRun(new WoodpeckerSandbox(new WoodpeckerSandboxOptions { SeedProspects = prospects }, time, webhooks), time);
        run.host = await SandboxHost.StartAsync(run.Sandbox, port: 0, run.validator.Observe, TestContext.Current.CancellationToken);
        return run;
    }

    public IContactConnector Connect(RetryOptions? retry = null) =>
        new WoodpeckerConnectorFactory(retry ?? TestRetries.Fast).Create(
            new AccountSettings(new Dictionary<string, string> { ["apiKey"] = Sandbox.Options.ApiKey, ["baseUrl"] = BaseUri.ToString() }),
            new ConnectorContext(clock, NullLoggerFactory.Instance).Allowing(BaseUri));

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        Sandbox.Dispose();
        validator.AssertNoViolations();
    }
}
