using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Issue 17 item 6: with an https <c>Tandem:PublicUrl</c>, the proxy's forwarded headers are honoured, HSTS is sent and
/// the sign-in cookie is Secure.
/// </summary>
public sealed class BehindTlsProxyTests(TlsProxyServer server) : IClassFixture<TlsProxyServer>
{
    [Fact]
    public async Task A_request_the_proxy_forwarded_as_https_gets_HSTS()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "signin");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "tandem.example.com");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "No HSTS header on a request forwarded as https.");
    }

    [Fact]
    public void The_sign_in_cookie_is_only_ever_sent_over_https()
    {
        var cookie = server.Server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie;

        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
    }
}

/// <summary>A server behind a TLS proxy on its own machine, without the sandbox (a public address refuses it).</summary>
public sealed class TlsProxyServer() : ServerFixture(StoreKind.Sqlite)
{
    protected override IEnumerable<string> ExtraArguments => ["--Tandem:PublicUrl=https://tandem.example.com/", "--Tandem:Sandbox:Enabled=false"];
}
