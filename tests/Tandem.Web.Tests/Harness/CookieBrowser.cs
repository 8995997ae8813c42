using System.Net;
using System.Text.RegularExpressions;

namespace Tandem.Web.Tests.Harness;

/// <summary>A browser signed in with the UI's cookie (signed up through the sign-up page), which follows no redirects.</summary>
public sealed partial class CookieBrowser : IDisposable
{
    private CookieBrowser(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    /// <summary>A browser that is not signed in.</summary>
    public static CookieBrowser Anonymous(Uri baseAddress) => new(baseAddress);

    /// <summary>Signs a new user up through the page; the browser then holds their cookie.</summary>
    public static async Task<CookieBrowser> SignUpAsync(Uri baseAddress, string? email = null)
    {
        var browser = new CookieBrowser(baseAddress);
        var answer = await browser.PostFormAsync("signup", "signup", new() { ["Input.Email"] = email ?? $"browser-{Guid.NewGuid():N}@example.test", ["Input.Password"] = "long enough password" });
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"Sign-up did not redirect: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        return browser;
    }

    /// <summary>The antiforgery token of a form on <paramref name="page"/>.</summary>
    public async Task<string> AntiforgeryTokenAsync(string page)
    {
        var html = await Http.GetStringAsync(page);
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, $"The page {page} has no antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Posts a form of a Blazor page (<paramref name="formName"/> is its handler) with the page's antiforgery token.</summary>
    /// <param name="page">The page posted to.</param>
    /// <param name="formName">The form's handler.</param>
    /// <param name="fields">The form's fields.</param>
    /// <param name="tokenFrom">The page to take the antiforgery token from when <paramref name="page"/> shows no form.</param>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string formName, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(tokenFrom ?? page);
        fields["_handler"] = formName;
        using var form = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(page, form);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
