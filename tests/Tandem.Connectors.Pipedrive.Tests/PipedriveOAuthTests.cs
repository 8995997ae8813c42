using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Pipedrive;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Testing;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>Pipedrive's "API token or OAuth": the sandbox's OAuth 2.0 endpoints and the connector's Bearer auth with refresh.</summary>
public sealed class PipedriveOAuthTests : IAsyncLifetime
{
    private const int Seeded = 40;
    private static readonly Uri Callback = new("http://127.0.0.1/accounts/oauth/callback");

    private readonly ShiftedClock clock = new();
    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly PipedriveSandbox sandbox;
    private SandboxHost? host;

    public PipedriveOAuthTests()
    {
        sandbox = new PipedriveSandbox(new PipedriveSandboxOptions { SeedPersons = Seeded, AccessTokenLifetime = TimeSpan.FromMinutes(30) }, clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        validator.AssertNoViolations();
    }

    [Fact]
    public async Task A_code_becomes_tokens_whose_access_token_lists_persons_with_Bearer()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host!.BaseUri };
        using var consent = await browser.GetAsync(new Uri($"oauth/authorize?client_id={sandbox.Options.OAuthClientId}&redirect_uri={Uri.EscapeDataString(Callback.ToString())}&state=s1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var redirect = consent.Headers.Location!;
        Assert.StartsWith(Callback.ToString(), redirect.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(redirect.Query);
        Assert.Equal("s1", query["state"]);

        var tokens = await TokenAsync(browser, sandbox.Options.OAuthClientSecret, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"]!,
            ["redirect_uri"] = Callback.ToString(),
        });
        Assert.Equal("Bearer", tokens["token_type"]!.GetValue<string>());
        Assert.Equal(1800, tokens["expires_in"]!.GetValue<long>());
        Assert.Contains("contacts:full", tokens["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        var apiDomain = new Uri(tokens["api_domain"]!.GetValue<string>());
        Assert.Equal(host.BaseUri.Authority, apiDomain.Authority);

        using var api = new HttpClient { BaseAddress = apiDomain };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
        using var listed = await api.GetAsync(new Uri("api/v2/persons?limit=10", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(10, (await listed.Content.ReadFromJsonAsync<JsonObject>(Ct))!["data"]!.AsArray().Count);

        // The connector, given the refresh token the code gave, lists every person.
        await using var connector = Connect(tokens["refresh_token"]!.GetValue<string>(), sandbox.Options.OAuthClientSecret, apiDomain);
        Assert.Equal(Seeded, await CountAsync(connector));
    }

    [Fact]
    public async Task An_expired_access_token_is_401_and_the_connector_refreshes()
    {
        using var http = new HttpClient { BaseAddress = host!.BaseUri };
        var tokens = await TokenAsync(http, sandbox.Options.OAuthClientSecret, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = sandbox.Options.DemoRefreshToken });
        Assert.Equal(sandbox.Options.DemoRefreshToken, tokens["refresh_token"]!.GetValue<string>());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
        using (var fresh = await http.GetAsync(new Uri("api/v2/persons/1", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        await using var connector = Connect(sandbox.Options.DemoRefreshToken, sandbox.Options.OAuthClientSecret, host.BaseUri);
        Assert.Equal(Seeded, await CountAsync(connector));

        clock.Shift(TimeSpan.FromMinutes(31));
        using (var expired = await http.GetAsync(new Uri("api/v2/persons/1", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        }

        // Past expires_in the connector renews before calling; a token revoked early is a 401 it refreshes after, once.
        Assert.Equal(Seeded, await CountAsync(connector));
        sandbox.RevokeAccessTokens();
        Assert.Equal(Seeded, await CountAsync(connector));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_a_clear_authorization_failure()
    {
        using var http = new HttpClient { BaseAddress = host!.BaseUri };
        using var refused = await http.SendAsync(TokenRequest("not-the-secret", new() { ["grant_type"] = "refresh_token", ["refresh_token"] = sandbox.Options.DemoRefreshToken }), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("invalid_client", (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!.GetValue<string>());

        var calls = sandbox.ApiCalls;
        await using var connector = Connect(sandbox.Options.DemoRefreshToken, "not-the-secret", host.BaseUri);
        var error = await Assert.ThrowsAnyAsync<ConnectorException>(() => connector.GetSchemaAsync(Ct));

        Assert.True(error.IsAuthorizationFailure);
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
        Assert.Equal(calls, sandbox.ApiCalls);

        // The API itself is fine: the API token still works.
        http.DefaultRequestHeaders.Add("x-api-token", sandbox.Options.ApiToken);
        using var withToken = await http.GetAsync(new Uri("api/v2/persons/1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    private IContactConnector Connect(string refreshToken, string clientSecret, Uri apiDomain) =>
        new PipedriveConnectorFactory(TestRetries.Fast).Create(
            new AccountSettings(new Dictionary<string, string>
            {
                ["clientId"] = sandbox.Options.OAuthClientId,
                ["clientSecret"] = clientSecret,
                ["refreshToken"] = refreshToken,
                ["baseUrl"] = apiDomain.ToString(),
                ["tokenUrl"] = new Uri(host!.BaseUri, "oauth/token").ToString(),
            }),
            new ConnectorContext(clock, NullLoggerFactory.Instance));

    private static async Task<int> CountAsync(IContactConnector connector)
    {
        var count = 0;
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            count += page.Records.Count;
        }

        return count;
    }

    private HttpRequestMessage TokenRequest(string clientSecret, Dictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("oauth/token", UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sandbox.Options.OAuthClientId + ":" + clientSecret)));
        return request;
    }

    private async Task<JsonObject> TokenAsync(HttpClient http, string clientSecret, Dictionary<string, string> form)
    {
        using var request = TokenRequest(clientSecret, form);
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

}

/// <summary>The Pipedrive settings: the API token or the OAuth trio.</summary>
public sealed class PipedriveOAuthSettingsTests
{
    [Fact]
    public void OAuth_settings_need_the_client_id_and_secret_and_one_of_the_two_ways_is_required()
    {
        var factory = new PipedriveConnectorFactory(TestRetries.Fast);
        var missingSecret = Assert.Throws<ConnectorSettingsException>(() => factory.Create(
            new AccountSettings(new Dictionary<string, string> { ["refreshToken"] = "r", ["clientId"] = "c" }), ConnectorContext.Default));
        var neither = Assert.Throws<ConnectorSettingsException>(() => factory.Create(new AccountSettings(new Dictionary<string, string>()), ConnectorContext.Default));

        Assert.Contains("clientSecret", missingSecret.Message, StringComparison.Ordinal);
        Assert.Contains("apiToken", neither.Message, StringComparison.Ordinal);
        Assert.Contains("refreshToken", neither.Message, StringComparison.Ordinal);
    }
}
