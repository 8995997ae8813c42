using System.Text.Json.Nodes;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.GoogleContacts;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing.Conformance;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Testing;
using Tandem.Sandbox;
using Tandem.Sandbox.GoogleContacts;

namespace Tandem.Connectors.GoogleContacts.Tests;

/// <summary>The Google Contacts connector against the Google sandbox over HTTP on 127.0.0.1.</summary>
public sealed partial class GoogleContactsConformanceTests : ConnectorConformanceTests
{

    private readonly GoogleContactsSandbox sandbox = new(new GoogleSandboxOptions { SeedContacts = 1100 });
    private readonly DiscoveryValidator validator = new();
    private SandboxHost? host;

    /// <summary>More than one 1,000-person listing page.</summary>
    protected override int SeededContacts => 1100;

    public override async ValueTask InitializeAsync()
    {
        sandbox.Observer = validator.Observe;
        host = await SandboxHost.StartAsync(sandbox, cancellationToken: Ct);
    }

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        // Every exchange of every test, in both directions, must match the discovery document.
        Assert.Empty(validator.Violations);
    }

    internal static AccountSettings SettingsFor(GoogleContactsSandbox sandbox, SandboxHost host) => new(new Dictionary<string, string>
    {
        ["clientId"] = sandbox.Options.ClientId,
        ["clientSecret"] = sandbox.Options.ClientSecret,
        ["refreshToken"] = sandbox.Options.DemoRefreshToken,
        ["baseUrl"] = host.BaseUri.ToString(),
        ["tokenUrl"] = new Uri(host.BaseUri, "token").ToString(),
    });

    protected override IContactConnector Connect() =>
        new GoogleContactsConnectorFactory(TestRetries.Fast).Create(SettingsFor(sandbox, host!), ConnectorContext.Default);

    protected override void EditInApp(string recordId, string note) =>
        sandbox.EditContact(recordId, p => p["biographies"] = new JsonArray(new JsonObject { ["value"] = note }));

    protected override void DeleteInApp(string recordId) => sandbox.DeleteContact(recordId);

    protected override void RateLimitNext(int requests) => sandbox.Faults.RateLimitStorm(requests);

    protected override void FailNext(int requests) => sandbox.Faults.ServerErrors(requests);

    protected override void LoseNextWrite() => sandbox.Faults.LoseResponses(1);

    protected override void ExpireCursors() => sandbox.Faults.ExpireSyncTokens();

    [Fact]
    public async Task A_read_that_times_out_is_sent_again()
    {
        var impatient = TestRetries.Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(300) };
        await using var connector = new GoogleContactsConnectorFactory(impatient).Create(SettingsFor(sandbox, host!), ConnectorContext.Default);
        _ = await connector.GetAsync([sandbox.ResourceNames()[0]], Ct);
        sandbox.Faults.SlowDelay = TimeSpan.FromSeconds(3);
        sandbox.Faults.SlowResponses(1);
        var calls = sandbox.ApiCalls;

        var records = await connector.GetAsync([sandbox.ResourceNames()[0]], Ct);

        Assert.Single(records);
        Assert.Equal(calls + 2, sandbox.ApiCalls);
    }

    [Fact]
    public async Task A_revoked_access_token_is_refreshed_without_failing_the_call()
    {
        await using var connector = Connect();
        _ = await connector.GetAsync([sandbox.ResourceNames()[0]], Ct);
        sandbox.RevokeAccessTokens();

        Assert.Single(await connector.GetAsync([sandbox.ResourceNames()[0]], Ct));
    }
}
