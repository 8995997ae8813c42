using System.Net;
using System.Net.Http.Json;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Issue 17 item 7: the REST API accepts the UI's cookie, so a form another site posts (which carries the cookie) must
/// not change anything; a call from Tandem's own pages, or any call with an API token, still does.
/// </summary>
public sealed class CookieCallsNeedOwnOriginTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Theory]
    [InlineData("https://attacker.example")]
    [InlineData(null)]
    public async Task A_cross_site_post_without_a_body_carrying_the_cookie_changes_nothing(string? origin)
    {
        using var browser = await CookieBrowser.SignUpAsync(server.BaseAddress);
        var id = await MakeTokenFromOwnPageAsync(browser);
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"api/v1/tokens/{id}");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("must come from Tandem's own pages", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains(id, await browser.Http.GetStringAsync("api/v1/tokens", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_call_from_the_servers_own_origin_goes_through()
    {
        using var browser = await CookieBrowser.SignUpAsync(server.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/tokens") { Content = JsonContent.Create(new { name = "from the page" }) };
        request.Headers.Add("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_bearer_call_needs_no_origin()
    {
        using var user = await server.NewUserAsync();

        var created = await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true });

        created.Expect(HttpStatusCode.Created);
    }

    private async Task<string> MakeTokenFromOwnPageAsync(CookieBrowser browser)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/tokens") { Content = JsonContent.Create(new { name = "kept" }) };
        request.Headers.Add("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (await Answer.ReadAsync(response)).Expect(HttpStatusCode.Created)["info"]!["id"]!.GetValue<string>();
    }
}
