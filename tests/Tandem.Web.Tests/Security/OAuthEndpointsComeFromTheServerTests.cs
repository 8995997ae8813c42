using System.Net;
using Tandem.Web.Tests.Harness;
using Tandem.Web.Tests.OAuth;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Issue 17 item 1: an OAuth account's endpoints (API base, token, login URL) come from the operator's client, the
/// sandbox or the connector, never from a request, so a link or form cannot send a client secret, a refresh token or an
/// access token to an address an attacker chose.
/// </summary>
public sealed class OAuthEndpointsComeFromTheServerTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private const string Listener = "https://listener.example/";

    [Fact]
    public async Task Addresses_sent_with_the_start_of_a_consent_flow_are_ignored_and_the_account_keeps_the_servers_own()
    {
        using var user = await server.NewUserAsync();
        using var browser = new ConsentBrowser(user);
        var sandbox = server.Server.Sandbox.Find("google-contacts")!;

        var consent = await browser.StartAsync("google-contacts", $"?baseUrl={Listener}&tokenUrl={Listener}token");
        var landed = await browser.GetAsync(await browser.ConsentAsync(consent));

        Assert.True(landed.Status == HttpStatusCode.Redirect && landed.Location!.AbsolutePath == "/accounts", $"The flow did not end on the accounts page: {(int)landed.Status} {landed.Text}");
        var id = System.Web.HttpUtility.ParseQueryString(landed.Location.Query)["added"];
        var settings = (await user.GetAsync($"api/v1/accounts/{id}")).Expect(HttpStatusCode.OK)["settings"]!;
        Assert.Equal(sandbox.Values["baseUrl"], settings["baseUrl"]!.GetValue<string>());
        Assert.Equal(sandbox.Values["tokenUrl"], settings["tokenUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_user_cannot_give_a_consent_apps_account_a_token_url_of_their_choosing()
    {
        using var user = await server.NewUserAsync();

        var refused = await user.PostAsync("api/v1/accounts", new
        {
            app = "google-contacts",
            values = new Dictionary<string, string> { ["clientId"] = "c", ["clientSecret"] = "s", ["refreshToken"] = "r", ["tokenUrl"] = Listener + "token" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("“Token URL” (tokenUrl) is chosen by this server for Google Contacts, not by a user: leave it empty.", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_authorising_a_consent_account_cannot_move_its_stored_refresh_token_to_another_address()
    {
        using var user = await server.NewUserAsync();
        using var browser = new ConsentBrowser(user);
        var landed = await browser.GetAsync(await browser.ConsentAsync(await browser.StartAsync("google-contacts")));
        var id = System.Web.HttpUtility.ParseQueryString(landed.Location!.Query)["added"];

        var refused = await user.PutAsync($"api/v1/accounts/{id}/authorization", new { values = new Dictionary<string, string> { ["baseUrl"] = Listener } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("“API base URL” (baseUrl) is chosen by this server for Google Contacts", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sandboxs_own_addresses_are_still_accepted_for_a_sandbox_account()
    {
        using var user = await server.NewUserAsync();
        var sandbox = server.Server.Sandbox.Find("pipedrive")!;

        var created = await user.PostAsync("api/v1/accounts", new { app = "pipedrive", values = new Dictionary<string, string>(sandbox.Values) });

        created.Expect(HttpStatusCode.Created);
    }
}
