using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Tests.Http;

public sealed class OAuthTests
{
    private static readonly Uri TokenUrl = new("http://auth.test/token");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_code_exchange_posts_the_grant_and_returns_both_tokens()
    {
        var script = new ScriptedHandler().Then(() => Json("""{"access_token":"at-1","expires_in":3600,"refresh_token":"rt-1","token_type":"Bearer"}"""));
        var client = Client(script);

        var tokens = await client.ExchangeCodeAsync("code-1", new Uri("http://127.0.0.1/callback"), TestContext.Current.CancellationToken);

        Assert.Equal("at-1", tokens.AccessToken);
        Assert.Equal("rt-1", tokens.RefreshToken);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(59), tokens.ExpiresAt);
        Assert.Contains("grant_type=authorization_code", script.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("client_id=id", script.Bodies[0], StringComparison.Ordinal);
        Assert.DoesNotContain("at-1", tokens.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_exchange_with_a_PKCE_verifier_sends_it_and_one_without_sends_none()
    {
        var script = new ScriptedHandler()
            .Then(() => Json("""{"access_token":"at-1","expires_in":3600,"refresh_token":"rt-1"}"""))
            .Then(() => Json("""{"access_token":"at-2","expires_in":3600,"refresh_token":"rt-2"}"""));
        var client = Client(script);

        await client.ExchangeCodeAsync("code-1", new Uri("http://127.0.0.1/callback"), TestContext.Current.CancellationToken, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        await client.ExchangeCodeAsync("code-2", new Uri("http://127.0.0.1/callback"), TestContext.Current.CancellationToken);

        Assert.Contains("code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", script.Bodies[0], StringComparison.Ordinal);
        Assert.DoesNotContain("code_verifier", script.Bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cache_reuses_a_token_until_it_expires_then_refreshes()
    {
        var script = new ScriptedHandler()
            .Then(() => Json("""{"access_token":"at-1","expires_in":3600}"""))
            .Then(() => Json("""{"access_token":"at-2","expires_in":3600}"""));
        using var cache = new AccessTokenCache(Client(script), "rt", time);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal("at-1", await cache.GetAsync(ct));
        time.Advance(TimeSpan.FromMinutes(58));
        Assert.Equal("at-1", await cache.GetAsync(ct));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("at-2", await cache.GetAsync(ct));
        Assert.Equal(2, script.Requests);
        Assert.Contains("grant_type=refresh_token", script.Bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_refresh_token_is_an_authorisation_failure_without_the_token_in_the_message()
    {
        var script = new ScriptedHandler().Then(() => Json("""{"error":"invalid_grant","error_description":"Bad Request"}""", HttpStatusCode.BadRequest));
        using var cache = new AccessTokenCache(Client(script), "secret-refresh-token", time);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => cache.GetAsync(TestContext.Current.CancellationToken));

        Assert.True(error.IsAuthorizationFailure);
        Assert.Contains("invalid_grant", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-refresh-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_sends_again()
    {
        var tokenScript = new ScriptedHandler()
            .Then(() => Json("""{"access_token":"old","expires_in":3600}"""))
            .Then(() => Json("""{"access_token":"new","expires_in":3600}"""));
        using var cache = new AccessTokenCache(Client(tokenScript), "rt", time);
        var seen = new List<string?>();
        var api = new ScriptedHandler()
            .Then((r, _) => { seen.Add(r.Headers.Authorization?.Parameter); return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized)); })
            .Then((r, _) => { seen.Add(r.Headers.Authorization?.Parameter); return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)); });
        using var client = new HttpClient(new BearerTokenHandler(cache) { InnerHandler = api });

        using var response = await client.GetAsync(new Uri("http://api.test/x"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["old", "new"], seen);
    }

    private OAuthTokenClient Client(ScriptedHandler script) =>
        new(new HttpClient(script), new OAuthClientOptions(TokenUrl, "id", "secret"), time, NullLogger.Instance);

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
}
