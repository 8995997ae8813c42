using System.Net;
using System.Web;
using Tandem.Sandbox.Pipedrive;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.OAuth;

/// <summary>Pipedrive authorised through its consent page (the sandbox's, with its demo OAuth client) instead of an API token.</summary>
public abstract class PipedriveConsentFlowTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    [Fact]
    public async Task A_Pipedrive_account_is_connected_through_the_consent_page_with_a_refresh_token_and_works()
    {
        using var user = await server.NewUserAsync();
        using var browser = new ConsentBrowser(user);
        var sandbox = server.Server.Sandbox.Find("pipedrive")!;
        var demo = ((PipedriveSandbox)sandbox.Host.App).Options;

        var consent = await browser.StartAsync("pipedrive");

        Assert.Equal(new Uri(sandbox.Host.BaseUri, "oauth/authorize"), new Uri(consent.GetLeftPart(UriPartial.Path)));
        var asked = HttpUtility.ParseQueryString(consent.Query);
        Assert.Equal(demo.OAuthClientId, asked["client_id"]);
        Assert.Equal($"http://127.0.0.1:{server.BaseAddress.Port}/accounts/oauth/callback", asked["redirect_uri"]);
        Assert.Null(asked["code_challenge"]);
        Assert.False(string.IsNullOrEmpty(asked["state"]));

        // The sandbox's token endpoint takes the client only as HTTP Basic: the exchange succeeding shows it was sent so.
        var landed = await browser.GetAsync(await browser.ConsentAsync(consent));

        Assert.True(landed.Status == HttpStatusCode.Redirect, $"Expected a redirect to the accounts page, got {(int)landed.Status}: {landed.Text}");
        Assert.Equal("/accounts", landed.Location!.AbsolutePath);
        var id = HttpUtility.ParseQueryString(landed.Location.Query)["added"]!;
        var account = (await user.GetAsync($"api/v1/accounts/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("pipedrive", account["app"]!.GetValue<string>());
        Assert.Equal("Pipedrive (sandbox)", account["name"]!.GetValue<string>());
        Assert.Equal(demo.OAuthClientId, account["settings"]!["clientId"]!.GetValue<string>());
        Assert.Equal(new Uri(sandbox.Host.BaseUri, "oauth/token").ToString(), account["settings"]!["tokenUrl"]!.GetValue<string>());
        Assert.Equal(["clientSecret", "refreshToken"], account["storedSecrets"]!.AsArray().Select(s => s!.GetValue<string>()));
        var check = (await user.PostAsync($"api/v1/accounts/{id}/test")).Expect(HttpStatusCode.OK);
        Assert.True(check["ok"]!.GetValue<bool>(), check.ToJsonString());
        var fields = (await user.GetAsync($"api/v1/accounts/{id}/fields")).Expect(HttpStatusCode.OK)["fields"]!.AsArray();
        Assert.Contains(fields, f => f!["role"]!.GetValue<string>() == "Emails");
    }

    [Fact]
    public async Task Declining_Pipedrives_consent_stores_nothing()
    {
        using var user = await server.NewUserAsync();
        using var browser = new ConsentBrowser(user);
        var state = HttpUtility.ParseQueryString((await browser.StartAsync("pipedrive")).Query)["state"]!;

        var declined = await browser.GetAsync(new Uri(server.BaseAddress, $"accounts/oauth/callback?error=access_denied&state={Uri.EscapeDataString(state)}"));

        Assert.Equal(HttpStatusCode.BadRequest, declined.Status);
        Assert.Contains("You declined to give Tandem access to Pipedrive, so no account was connected.", declined.Text, StringComparison.Ordinal);
        Assert.Empty((await user.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK).AsArray());
    }
}

public sealed class SqlitePipedriveConsentFlowTests(SqliteServer server) : PipedriveConsentFlowTests<SqliteServer>(server);

public sealed class PostgresPipedriveConsentFlowTests(PostgresServer server) : PipedriveConsentFlowTests<PostgresServer>(server);
