using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Time.Testing;
using Tandem.Sandbox.Kit.OAuth;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Tests.Kit;

/// <summary>
/// The one OAuth server: its consent page redirects only to a registered redirect URI and only for GET; its token
/// endpoint takes the client credentials the vendor's way, codes once, refresh tokens, and expires access tokens.
/// </summary>
public sealed class AuthorizationServerTests : IAsyncDisposable
{
    private const string Registered = "http://127.0.0.1/accounts/oauth/callback";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly List<SandboxHost> hosts = [];
    private readonly List<HttpClient> clients = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        clients.ForEach(c => c.Dispose());
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/elsewhere")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("https://attacker.example/accounts/oauth/callback")]
    [InlineData("http://127.0.0.1/accounts/oauth/callback/../../admin")]
    [InlineData("http://127.0.0.1/accounts/oauth/callback?next=http://attacker.example")]
    [InlineData("not a url")]
    public async Task The_consent_page_refuses_a_redirect_uri_the_client_did_not_register_and_redirects_nowhere(string redirectUri)
    {
        var browser = await StartAsync(ClientAuthentication.BasicOrFormBody);

        using var consent = await browser.GetAsync(Consent(redirectUri), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, consent.StatusCode);
        Assert.Null(consent.Headers.Location);
        Assert.Contains("redirect_uri_mismatch", await consent.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consent_page_refuses_a_POST_and_issues_no_code()
    {
        var browser = await StartAsync(ClientAuthentication.BasicOrFormBody);

        using var posted = await browser.PostAsync(Consent(Registered), new StringContent(string.Empty), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.StatusCode);
        Assert.Equal(["GET"], posted.Content.Headers.Allow);
        Assert.Null(posted.Headers.Location);
    }

    [Fact]
    public async Task The_registered_callback_on_the_loopback_address_is_accepted_on_any_port_with_the_state()
    {
        var browser = await StartAsync(ClientAuthentication.BasicOrFormBody);

        using var consent = await browser.GetAsync(Consent("http://127.0.0.1:54321/accounts/oauth/callback"), Ct);

        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var location = consent.Headers.Location!;
        Assert.Equal("http://127.0.0.1:54321/accounts/oauth/callback", location.GetLeftPart(UriPartial.Path));
        Assert.Equal("s1", HttpUtility.ParseQueryString(location.Query)["state"]);
    }

    [Fact]
    public async Task A_code_is_exchanged_once_and_only_with_the_redirect_uri_it_was_issued_for()
    {
        var browser = await StartAsync(ClientAuthentication.BasicOrFormBody);
        var code = await CodeAsync(browser);
        var other = await CodeAsync(browser);

        using var wrongRedirect = await TokenAsync(browser, Form(("grant_type", "authorization_code"), ("code", other), ("redirect_uri", "http://127.0.0.1:1/accounts/oauth/callback")), basic: true);
        using var first = await TokenAsync(browser, Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Registered)), basic: true);
        using var second = await TokenAsync(browser, Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Registered)), basic: true);

        Assert.Equal(HttpStatusCode.BadRequest, wrongRedirect.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(second));
    }

    [Fact]
    public async Task A_Basic_only_vendor_refuses_client_credentials_in_the_form_body()
    {
        var browser = await StartAsync(ClientAuthentication.Basic);

        using var inForm = await TokenAsync(browser, Form(("grant_type", "refresh_token"), ("refresh_token", "demo-refresh"), ("client_id", "client"), ("client_secret", "secret")), basic: false);
        using var asBasic = await TokenAsync(browser, Form(("grant_type", "refresh_token"), ("refresh_token", "demo-refresh")), basic: true);

        Assert.Equal(HttpStatusCode.Unauthorized, inForm.StatusCode);
        Assert.Equal("invalid_client", await ErrorAsync(inForm));
        Assert.Equal(HttpStatusCode.OK, asBasic.StatusCode);
    }

    [Fact]
    public async Task A_form_body_vendor_refuses_client_credentials_as_Basic()
    {
        var browser = await StartAsync(ClientAuthentication.FormBody);

        using var asBasic = await TokenAsync(browser, Form(("grant_type", "refresh_token"), ("refresh_token", "demo-refresh")), basic: true);
        using var inForm = await TokenAsync(browser, Form(("grant_type", "refresh_token"), ("refresh_token", "demo-refresh"), ("client_id", "client"), ("client_secret", "secret")), basic: false);

        Assert.Equal(HttpStatusCode.Unauthorized, asBasic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inForm.StatusCode);
    }

    [Fact]
    public async Task An_access_token_works_until_it_expires_on_the_sandboxs_clock_and_a_refresh_gives_a_new_one()
    {
        var browser = await StartAsync(ClientAuthentication.BasicOrFormBody);
        using var refreshed = await TokenAsync(browser, Form(("grant_type", "refresh_token"), ("refresh_token", "demo-refresh")), basic: true);
        var answer = (await refreshed.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var token = answer["access_token"]!.GetValue<string>();

        var before = await ProtectedAsync(browser, token);
        clock.Advance(TimeSpan.FromHours(1));
        var after = await ProtectedAsync(browser, token);

        Assert.Equal(3600, answer["expires_in"]!.GetValue<long>());
        Assert.Equal("Bearer", answer["token_type"]!.GetValue<string>());
        Assert.Null(answer["refresh_token"]);
        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Unauthorized, after);
    }

    private static Uri Consent(string redirectUri) =>
        new($"authorize?client_id=client&redirect_uri={Uri.EscapeDataString(redirectUri)}&state=s1", UriKind.Relative);

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!.GetValue<string>();

    private static async Task<string> CodeAsync(HttpClient browser)
    {
        using var consent = await browser.GetAsync(Consent(Registered), Ct);
        return HttpUtility.ParseQueryString(consent.Headers.Location!.Query)["code"]!;
    }

    private static async Task<HttpResponseMessage> TokenAsync(HttpClient browser, Dictionary<string, string> form, bool basic)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("token", UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("client:secret")));
        }

        return await browser.SendAsync(request, Ct);
    }

    private static async Task<HttpStatusCode> ProtectedAsync(HttpClient browser, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("protected", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await browser.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private async Task<HttpClient> StartAsync(ClientAuthentication style)
    {
        var server = new AuthorizationServer(new AuthorizationServerDescription
        {
            ClientId = "client",
            ClientSecret = "secret",
            RedirectUris = [new Uri(Registered)],
            ClientAuthentication = style,
            AccessTokenLifetime = TimeSpan.FromHours(1),
            DemoRefreshTokens = ["demo-refresh"],
        }, clock);
        var host = await SandboxHost.StartAsync(new OAuthOnly(server), cancellationToken: Ct);
        hosts.Add(host);
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseUri };
        clients.Add(browser);
        return browser;
    }

    /// <summary>An app that is only an authorisation server and one protected path.</summary>
    private sealed class OAuthOnly(AuthorizationServer server) : ISandboxApp, IRoutedSandbox
    {
        public string App => "oauth-only";

        public Task HandleAsync(HttpContext context) => new SandboxPipeline(this).HandleAsync(context);

        public void MapEndpoints(IEndpointRouteBuilder routes)
        {
            server.Map(routes, ["/authorize"], "/token");
            routes.MapGet("/protected", (HttpContext c) => server.IsAuthorized(c.Request) ? Results.Ok() : Results.Unauthorized());
        }
    }
}
