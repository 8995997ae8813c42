using System.Net;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Security;

/// <summary>Issue 17 item 6: signing out changes the user's security stamp, so a copy of the old cookie no longer signs anyone in.</summary>
public sealed class SignOutEndsTheCookieTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it()
    {
        using var browser = await CookieBrowser.SignUpAsync(server.BaseAddress);
        var copied = browser.Cookies.GetCookieHeader(server.BaseAddress);
        using var before = await SendWithCookieAsync(copied);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var signOut = new FormUrlEncodedContent([new("__RequestVerificationToken", await browser.AntiforgeryTokenAsync(string.Empty))]);
        using var signedOut = await browser.Http.PostAsync("signout", signOut, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var after = await SendWithCookieAsync(copied);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private async Task<HttpResponseMessage> SendWithCookieAsync(string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
