using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Pipedrive;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Testing;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>An OAuth account without a base URL calls the <c>api_domain</c> of Pipedrive's token answer.</summary>
public sealed class PipedriveApiDomainTests : IAsyncLifetime
{
    private const int Seeded = 25;

    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly PipedriveSandbox sandbox = new(new PipedriveSandboxOptions { SeedPersons = Seeded });
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
    public async Task Without_a_base_url_the_calls_go_to_the_api_domain_the_token_answer_names()
    {
        var calls = sandbox.ApiCalls;
        await using var connector = Connect(new Dictionary<string, string>());

        var schema = await connector.GetSchemaAsync(Ct);
        var listed = 0;
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            listed += page.Records.Count;
        }

        // After an early revocation the refreshed token's answer names the domain again and the calls still arrive.
        sandbox.RevokeAccessTokens();
        var one = await connector.GetAsync(["1"], Ct);

        Assert.NotNull(schema.Find(PipedriveFieldKeys.DealsCount));
        Assert.Equal(Seeded, listed);
        Assert.Equal("1", Assert.Single(one).Id);
        Assert.True(sandbox.ApiCalls > calls + 2);
    }

    private IContactConnector Connect(Dictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>(extra)
        {
            ["clientId"] = sandbox.Options.OAuthClientId,
            ["clientSecret"] = sandbox.Options.OAuthClientSecret,
            ["refreshToken"] = sandbox.Options.DemoRefreshToken,
            ["tokenUrl"] = new Uri(host!.BaseUri, "oauth/token").ToString(),
        };
        return new PipedriveConnectorFactory(TestRetries.Fast).Create(new AccountSettings(settings), new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance));
    }
}

/// <summary>Which address an OAuth account calls: the settings' own, else the token answer's <c>api_domain</c>.</summary>
public sealed class PipedriveApiDomainSettingsTests
{
    [Fact]
    public void A_base_url_or_company_domain_in_the_settings_wins_over_the_api_domain()
    {
        var oauth = new Dictionary<string, string> { ["clientId"] = "c", ["clientSecret"] = "s", ["refreshToken"] = "r" };

        var bare = Settings(oauth);
        var withDomain = Settings(new(oauth) { ["companyDomain"] = "acme" });
        var withBase = Settings(new(oauth) { ["baseUrl"] = "http://127.0.0.1:9/" });
        var byToken = Settings(new() { ["apiToken"] = "t" });

        Assert.True(bare.UsesApiDomain);
        Assert.Equal(new Uri("https://api.pipedrive.com/"), bare.BaseUrl);
        Assert.False(withDomain.UsesApiDomain);
        Assert.Equal(new Uri("https://acme.pipedrive.com/"), withDomain.BaseUrl);
        Assert.False(withBase.UsesApiDomain);
        Assert.False(byToken.UsesApiDomain);
    }

    private static PipedriveSettings Settings(Dictionary<string, string> values) => PipedriveSettings.From(new AccountSettings(values));
}
