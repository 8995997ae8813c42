using System.Net;
using System.Text.RegularExpressions;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Api;

/// <summary>Signing up and in through the pages, API tokens made, listed and revoked, and requests without a valid token.</summary>
public abstract partial class TokensAndSignInTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    [Fact]
    public async Task A_request_without_a_token_or_with_an_unknown_one_is_refused_with_401()
    {
        server.SkipUnlessRunning();
        using var anonymous = new ApiClient(server.BaseAddress, token: null, userId: "");
        using var unknown = new ApiClient(server.BaseAddress, "tdm_not-a-real-token", userId: "");
        foreach (var path in new[] { "api/v1/apps", "api/v1/accounts", "api/v1/connections", "api/v1/tokens" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync(path)).Status);
        }
    }

    [Fact]
    public async Task A_made_token_is_shown_once_listed_by_prefix_and_stops_working_the_moment_it_is_revoked()
    {
        server.SkipUnlessRunning();
        using var owner = await ApiClient.SignedInWithCookieAsync(server.BaseAddress);
        var made = (await owner.PostAsync("api/v1/tokens", new { name = "backup script" })).Expect(HttpStatusCode.Created);
        var token = made["token"]!.GetValue<string>();
        var id = made["info"]!["id"]!.GetValue<string>();
        Assert.StartsWith("tdm_", token, StringComparison.Ordinal);

        var listed = (await owner.GetAsync("api/v1/tokens")).Expect(HttpStatusCode.OK);
        var entry = listed.AsArray().Single(t => t!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("backup script", entry["name"]!.GetValue<string>());
        Assert.StartsWith(entry["prefix"]!.GetValue<string>(), token, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed.ToJsonString(), StringComparison.Ordinal);

        using var viaNewToken = new ApiClient(server.BaseAddress, token, owner.UserId);
        Assert.Equal(owner.UserId, (await viaNewToken.GetAsync("api/v1/me")).Expect(HttpStatusCode.OK)["userId"]!.GetValue<string>());

        (await owner.DeleteAsync($"api/v1/tokens/{id}")).Expect(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viaNewToken.GetAsync("api/v1/me")).Status);
        Assert.DoesNotContain(id, (await owner.GetAsync("api/v1/tokens")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_a_name_is_refused_with_a_message_and_none_is_made()
    {
        server.SkipUnlessRunning();
        using var owner = await ApiClient.SignedInWithCookieAsync(server.BaseAddress);
        var before = (await owner.GetAsync("api/v1/tokens")).Expect(HttpStatusCode.OK).AsArray().Count;

        var refused = await owner.PostAsync("api/v1/tokens", new { name = "  " });

        refused.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("name", refused.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, (await owner.GetAsync("api/v1/tokens")).Expect(HttpStatusCode.OK).AsArray().Count);
    }

    [Fact]
    public async Task Another_users_token_cannot_be_revoked_and_keeps_working()
    {
        using var owner = await server.NewUserAsync();
        using var stranger = await server.NewUserAsync();
        var id = (await owner.GetAsync("api/v1/tokens")).Expect(HttpStatusCode.OK).AsArray().Single()!["id"]!.GetValue<string>();

        (await stranger.DeleteAsync($"api/v1/tokens/{id}")).Expect(HttpStatusCode.NotFound);

        (await owner.GetAsync("api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(id, (await stranger.GetAsync("api/v1/tokens")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_body_is_refused_with_a_message_naming_the_problem()
    {
        server.SkipUnlessRunning();
        using var owner = await ApiClient.SignedInWithCookieAsync(server.BaseAddress);

        var broken = await owner.PostRawAsync("api/v1/tokens", "{\"name\": ");
        var misspelt = await owner.PostRawAsync("api/v1/tokens", "{\"nmae\": \"x\"}");

        broken.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("not valid", broken.Detail, StringComparison.Ordinal);
        misspelt.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("nmae", misspelt.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_signs_up_on_the_page_and_after_losing_the_cookie_signs_in_again_and_the_cookie_reaches_the_api()
    {
        server.SkipUnlessRunning();
        var email = $"page-{Guid.NewGuid():N}@example.test";
        using var browser = NewBrowser(out var cookies);

        var signedUp = await PostFormAsync(browser, "signup", "signup", new() { ["Input.Email"] = email, ["Input.Password"] = "long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        var me = (await Answer.ReadAsync(await browser.GetAsync("api/v1/me", TestContext.Current.CancellationToken))).Expect(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(me["userId"]!.GetValue<string>()));

        cookies.Add(server.BaseAddress, new Cookie("tandem", "gone"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("api/v1/me", TestContext.Current.CancellationToken)).StatusCode);

        var wrong = await PostFormAsync(browser, "signin", "signin", new() { ["Input.Email"] = email, ["Input.Password"] = "not the password" });
        Assert.Contains("That did not sign you in.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var right = await PostFormAsync(browser, "signin", "signin", new() { ["Input.Email"] = email, ["Input.Password"] = "long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(me["userId"]!.GetValue<string>(), (await Answer.ReadAsync(await browser.GetAsync("api/v1/me", TestContext.Current.CancellationToken))).Expect(HttpStatusCode.OK)["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_page_of_the_app_sends_someone_not_signed_in_to_the_sign_in_page()
    {
        server.SkipUnlessRunning();
        using var browser = NewBrowser(out _);

        using var home = await browser.GetAsync("", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/signin", home.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private HttpClient NewBrowser(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string formName, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(page, TestContext.Current.CancellationToken);
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, "The page has no antiforgery token.");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        fields["_handler"] = formName;
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(page, form, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class SqliteTokensAndSignInTests(SqliteServer server) : TokensAndSignInTests<SqliteServer>(server);

public sealed class PostgresTokensAndSignInTests(PostgresServer server) : TokensAndSignInTests<PostgresServer>(server);
