using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Flow;

/// <summary>
/// Issue 18 item 11: the API tokens page makes a named token shown once (it works on the API), lists it by name and
/// prefix only, and revokes it (the API refuses it from then on); the API reference is served by Tandem itself.
/// </summary>
public sealed class ApiTokensTests
{
    [Fact]
    public async Task A_user_makes_a_named_token_copies_it_once_uses_it_and_revokes_it()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("api-tokens");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await page.GetByRole(AriaRole.Link, new() { Name = "API tokens" }).ClickAsync();
        await page.WaitForURLAsync("**/tokens");
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-test='no-tokens']")).ToBeVisibleAsync();

        await page.Locator("[data-test='token-name']").FillAsync("nightly export");
        await page.Locator("[data-test='create-token']").ClickAsync();
        var value = page.Locator("[data-test='token-value']");
        await Assertions.Expect(value).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^tdm_.{20,}$"));
        var token = await value.InputValueAsync();
        await Assertions.Expect(page.Locator("[data-test='token-name-shown']")).ToHaveTextAsync("nightly export");
        await shots.TakeAsync(page, "token-made");

        // The token works on the API.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, token, cancel));

        // Shown once: after a reload only its name and first characters are on the page.
        await page.ReloadAsync();
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-token]")).ToHaveCountAsync(1);
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-token]")).ToContainTextAsync(token[..10]);
        await Assertions.Expect(page.Locator("[data-token]")).ToContainTextAsync("last used");

        await page.Locator("[data-test='revoke']").ClickAsync();
        await page.Locator("[data-test='confirm-revoke']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test='no-tokens']")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, token, cancel));
        await shots.TakeAsync(page, "token-revoked");

        // The API reference, served locally over /openapi/v1.json.
        await page.GotoAsync(new Uri(server.BaseAddress, "api/docs").ToString());
        await Assertions.Expect(page.Locator(".information-container .title")).ToContainTextAsync("Tandem API", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".opblock-tag").Filter(new() { HasText = "Tokens" })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "api-reference");
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }
}
