using System.Net;
using System.Web;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.OAuth;

/// <summary>OAuth apps authorised through the provider's consent page and back (the sandboxes' consent pages approve at once).</summary>
public abstract class ConsentFlowTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    [Fact]
    public async Task A_Google_account_is_connected_through_the_consent_page_with_PKCE_and_works()
    {
        using var user = await server.NewUserAsync();
        using var browser = new ConsentBrowser(user);
        var sandbox = server.Server.Sandbox.Find("google-contacts")!;

        var consent = await browser.StartAsync("google-contacts");

        Assert.Equal(new Uri(sandbox.Values["authorizeUrl"]).GetLeftPart(UriPartial.Path), consent.GetLeftPart(UriPartial.Path));
        var asked = HttpUtility.ParseQueryString(consent.Query);
        Assert.Equal(sandbox.Values["clientId"], asked["client_id"]);
        Assert.Equal($"http://127.0.0.1:{server.BaseAddress.Port}/accounts/oauth/callback", asked["redirect_uri"]);
        Assert.Equal("S256", asked["code_challenge_method"]);
        Assert.Equal(43, asked["code_challenge"]!.Length);
        Assert.Equal("offline", asked["access_type"]);
        Assert.False(string.IsNullOrEmpty(asked["state"]));

        var back = await browser.ConsentAsync(consent);
        var landed = await browser.GetAsync(back);

        Assert.Equal(HttpStatusCode.Redirect, landed.Status);
        var id = AddedId(landed);
        var account = (await user.GetAsync($"api/v1/accounts/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("google-contacts", account["app"]!.GetValue<string>());
        Assert.Equal("Google Contacts (sandbox)", account["name"]!.GetValue<string>());
        Assert.Equal(sandbox.Values["clientId"], account["settings"]!["clientId"]!.GetValue<string>());
        Assert.Equal(sandbox.Values["baseUrl"], account["settings"]!["baseUrl"]!.GetValue<string>());
        Assert.Equal(["clientSecret", "refreshToken"], account["storedSecrets"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True((await user.PostAsync($"api/v1/accounts/{id}/test")).Expect(HttpStatusCode.OK)["ok"]!.GetValue<bool>());
        var fields = (await user.GetAsync($"api/v1/accounts/{id}/fields")).Expect(HttpStatusCode.OK)["fields"]!.AsArray();
        Assert.Contains(fields, f => f!["role"]!.GetValue<string>() == "Emails");
    }

    [Fact]
    public async Task A_Mailchimp_audience_is_connected_through_the_consent_page_with_an_access_token_and_works()
    {
        using var user = await server.NewUserAsync();
        using var browser = new ConsentBrowser(user);
        var sandbox = server.Server.Sandbox.Find("mailchimp")!;

        var consent = await browser.StartAsync("mailchimp", "?name=Newsletter");

        Assert.Null(HttpUtility.ParseQueryString(consent.Query)["code_challenge"]);
        var landed = await browser.GetAsync(await browser.ConsentAsync(consent));
        var id = AddedId(landed);
        var account = (await user.GetAsync($"api/v1/accounts/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Newsletter", account["name"]!.GetValue<string>());
        Assert.Equal(sandbox.Values["audienceId"], account["settings"]!["audienceId"]!.GetValue<string>());
        Assert.Equal(["accessToken"], account["storedSecrets"]!.AsArray().Select(s => s!.GetValue<string>()));
        var check = (await user.PostAsync($"api/v1/accounts/{id}/test")).Expect(HttpStatusCode.OK);
        Assert.True(check["ok"]!.GetValue<bool>(), check.ToJsonString());
        var fields = (await user.GetAsync($"api/v1/accounts/{id}/fields")).Expect(HttpStatusCode.OK)["fields"]!.AsArray();
        Assert.Contains(fields, f => f!["role"]!.GetValue<string>() == "Emails");
    }

    [Fact]
    public async Task A_state_started_by_another_user_is_refused_and_stores_nothing_for_either()
    {
        using var owner = await server.NewUserAsync();
        using var stranger = await server.NewUserAsync();
        using var ownersBrowser = new ConsentBrowser(owner);
        using var strangersBrowser = new ConsentBrowser(stranger);
        var back = await ownersBrowser.ConsentAsync(await ownersBrowser.StartAsync("google-contacts"));

        var refused = await strangersBrowser.GetAsync(back);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("started by another Tandem user; nothing was stored", refused.Text, StringComparison.Ordinal);
        Assert.Empty((await stranger.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK).AsArray());

        // The state reached someone else: it is spent for its owner too.
        var late = await ownersBrowser.GetAsync(back);
        Assert.Equal(HttpStatusCode.BadRequest, late.Status);
        Assert.Empty((await owner.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK).AsArray());
    }

    [Fact]
    public async Task A_state_used_once_is_refused_the_second_time_and_no_second_account_is_stored()
    {
        using var user = await server.NewUserAsync();
        using var browser = new ConsentBrowser(user);
        var back = await browser.ConsentAsync(await browser.StartAsync("google-contacts"));
        AddedId(await browser.GetAsync(back));

        var again = await browser.GetAsync(back);

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("already used", again.Text, StringComparison.Ordinal);
        Assert.Single((await user.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK).AsArray());
    }

    [Fact]
    public async Task Declining_on_the_consent_page_says_so_and_stores_nothing()
    {
        using var user = await server.NewUserAsync();
        using var browser = new ConsentBrowser(user);
        var consent = await browser.StartAsync("google-contacts");
        var state = HttpUtility.ParseQueryString(consent.Query)["state"]!;

        // Google sends a user who clicks "Cancel" back with error=access_denied and the state.
        var declined = await browser.GetAsync(new Uri(server.BaseAddress, $"accounts/oauth/callback?error=access_denied&state={Uri.EscapeDataString(state)}"));

        Assert.Equal(HttpStatusCode.BadRequest, declined.Status);
        Assert.Contains("You declined to give Tandem access to Google Contacts, so no account was connected.", declined.Text, StringComparison.Ordinal);
        Assert.Empty((await user.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK).AsArray());
    }

    [Fact]
    public async Task An_account_is_reauthorised_through_the_consent_page_and_keeps_its_id_and_name()
    {
        using var user = await server.NewUserAsync();
        using var browser = new ConsentBrowser(user);
        var id = AddedId(await browser.GetAsync(await browser.ConsentAsync(await browser.StartAsync("google-contacts"))));
        (await user.PatchAsync($"api/v1/accounts/{id}", new { name = "Work contacts" })).Expect(HttpStatusCode.OK);

        var landed = await browser.GetAsync(await browser.ConsentAsync(await browser.StartAsync("google-contacts", $"?accountId={id}")));

        Assert.Equal($"/accounts?reauthorised={id}", landed.Location!.PathAndQuery);
        var accounts = (await user.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK).AsArray();
        Assert.Equal("Work contacts", Assert.Single(accounts)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_users_account_cannot_be_reauthorised_through_the_consent_page()
    {
        using var owner = await server.NewUserAsync();
        using var stranger = await server.NewUserAsync();
        using var ownersBrowser = new ConsentBrowser(owner);
        var id = AddedId(await ownersBrowser.GetAsync(await ownersBrowser.ConsentAsync(await ownersBrowser.StartAsync("google-contacts"))));
        using var strangersBrowser = new ConsentBrowser(stranger);

        var refused = await strangersBrowser.PostStartAsync("google-contacts", $"?accountId={id}");

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Contains($"No account {id}.", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_without_signing_in_sends_the_browser_to_sign_in_not_to_the_provider()
    {
        server.SkipUnlessRunning();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        using var response = await http.PostAsync("accounts/oauth/google-contacts/start", content: null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    private static string AddedId(Visit landed)
    {
        Assert.True(landed.Status == HttpStatusCode.Redirect, $"Expected a redirect to the accounts page, got {(int)landed.Status}: {landed.Text}");
        Assert.Equal("/accounts", landed.Location!.AbsolutePath);
        var id = HttpUtility.ParseQueryString(landed.Location.Query)["added"];
        Assert.False(string.IsNullOrEmpty(id));
        return id!;
    }
}

public sealed class SqliteConsentFlowTests(SqliteServer server) : ConsentFlowTests<SqliteServer>(server);

public sealed class PostgresConsentFlowTests(PostgresServer server) : ConsentFlowTests<PostgresServer>(server);
