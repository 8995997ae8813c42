using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.OAuth;

/// <summary>The consent flow as a signed-in browser walks it: the UI's cookie, then the accounts page with the new account.</summary>
public abstract partial class ConsentPageFlowTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    [Fact]
    public async Task A_browser_signed_in_with_the_cookie_comes_back_to_the_accounts_page_with_the_new_account_highlighted()
    {
        server.SkipUnlessRunning();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var signedUp = await PostFormAsync(browser, "signup", "signup", new() { ["Input.Email"] = $"oauth-{Guid.NewGuid():N}@example.test", ["Input.Password"] = "long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);

        using var startForm = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, "accounts") });
        using var start = await browser.PostAsync("accounts/oauth/google-contacts/start", startForm, TestContext.Current.CancellationToken);
        using var consent = await provider.GetAsync(start.Headers.Location, TestContext.Current.CancellationToken);
        using var callback = await browser.GetAsync(consent.Headers.Location, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var landing = new Uri(server.BaseAddress, callback.Headers.Location!);
        var id = HttpUtility.ParseQueryString(landing.Query)["added"]!;
        var page = await browser.GetStringAsync(landing, TestContext.Current.CancellationToken);
        Assert.Contains("Google Contacts (sandbox) is connected: Google Contacts accepted it.", page, StringComparison.Ordinal);
        Assert.Matches($"data-account=\"{Regex.Escape(id)}\"[^>]*aria-current=\"true\"", page);
    }

    [Fact]
    public async Task A_start_posted_with_the_cookie_but_without_the_antiforgery_token_goes_nowhere()
    {
        server.SkipUnlessRunning();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var signedUp = await PostFormAsync(browser, "signup", "signup", new() { ["Input.Email"] = $"csrf-{Guid.NewGuid():N}@example.test", ["Input.Password"] = "long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);

        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["baseUrl"] = "https://listener.example/" });
        using var start = await browser.PostAsync("accounts/oauth/google-contacts/start", forged, TestContext.Current.CancellationToken);
        using var asLink = await browser.GetAsync("accounts/oauth/google-contacts/start", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Null(start.Headers.Location);
        Assert.Contains("This form expired.", await start.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, asLink.StatusCode);
        Assert.Null(asLink.Headers.Location);
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(page, TestContext.Current.CancellationToken);
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string formName, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, page);
        fields["_handler"] = formName;
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(page, form, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class SqliteConsentPageFlowTests(SqliteServer server) : ConsentPageFlowTests<SqliteServer>(server);

public sealed class PostgresConsentPageFlowTests(PostgresServer server) : ConsentPageFlowTests<PostgresServer>(server);
