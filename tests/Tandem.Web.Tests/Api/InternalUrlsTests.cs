using System.Net;
using Tandem.Sandbox;
using Tandem.Sandbox.Woodpecker;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Api;

/// <summary>
/// The operator's <c>Tandem:AllowInternalUrls</c> reaches the connectors' own guard, not only the form: with it on, an
/// account on another server on 127.0.0.1 (a Woodpecker sandbox this server does not host; an app without a consent
/// page, whose address a user may choose) is accepted, which means the
/// connector connected to it; with it off, the same account is refused with the sentence that names the setting.
/// </summary>
public sealed class InternalUrlsTests(SqliteServer closed, SqliteInternalUrlsServer open) : IClassFixture<SqliteServer>, IClassFixture<SqliteInternalUrlsServer>, IAsyncLifetime
{
    private readonly WoodpeckerSandbox woodpecker = new();
    private SandboxHost? elsewhere;

    public async ValueTask InitializeAsync() => elsewhere = await SandboxHost.StartAsync(woodpecker, cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (elsewhere is not null)
        {
            await elsewhere.DisposeAsync();
        }

        woodpecker.Dispose();
    }

    [Fact]
    public async Task With_the_operator_setting_on_an_account_on_127_0_0_1_is_connected_and_accepted()
    {
        using var user = await open.NewUserAsync();

        var created = await user.PostAsync("api/v1/accounts", new { app = "woodpecker", values = Values() });

        created.Expect(HttpStatusCode.Created);
        var check = (await user.PostAsync($"api/v1/accounts/{created.Json!["id"]}/test")).Expect(HttpStatusCode.OK);
        Assert.True(check["contactsSeen"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task With_the_operator_setting_off_the_same_account_is_refused_with_the_sentence_that_names_it()
    {
        using var user = await closed.NewUserAsync();

        var refused = await user.PostAsync("api/v1/accounts", new { app = "woodpecker", values = Values() });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("points at an internal address, which this server does not allow (the operator can set Tandem:AllowInternalUrls).", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(0, woodpecker.ApiCalls);
    }

    [Fact]
    public async Task At_a_hosted_sandboxs_address_only_its_own_urls_are_accepted()
    {
        using var user = await closed.NewUserAsync();
        var sandbox = closed.Server.Sandbox.Find("google-contacts")!.Host.BaseUri;

        var bounce = await user.PostAsync("api/v1/accounts", new
        {
            app = "pipedrive",
            values = new Dictionary<string, string> { ["apiToken"] = "t", ["baseUrl"] = new Uri(sandbox, "o/oauth2/auth?redirect_uri=http://10.0.0.1/").ToString() },
        });

        Assert.Equal(HttpStatusCode.BadRequest, bounce.Status);
        Assert.Contains("points at a sandbox app but is not one of its own addresses", bounce.Detail, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Values() => new() { ["apiKey"] = woodpecker.Options.ApiKey, ["baseUrl"] = elsewhere!.BaseUri.ToString() };
}

/// <summary>A server whose operator allows internal addresses.</summary>
public sealed class SqliteInternalUrlsServer() : ServerFixture(StoreKind.Sqlite)
{
    protected override IEnumerable<string> ExtraArguments => ["--Tandem:AllowInternalUrls=true"];
}
