using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tandem.Web.Tests.Harness;
using Tandem.Web.Tests.Hooks;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Issue 17 item 8: a wrong secret and an unknown connection get the same answer, and deliveries are limited per
/// address and per connection.
/// </summary>
public sealed class WebhookRefusalsTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private const string Body = "{\"meta\":{\"action\":\"change\",\"entity\":\"person\",\"entity_id\":\"1\"}}";

    [Fact]
    public async Task A_wrong_secret_is_answered_as_an_unknown_connection_is()
    {
        var (url, username, _) = await HookAsync();
        using var http = new HttpClient();

        using var wrongSecret = await PostAsync(http, url, username, "guess");
        using var unknownConnection = await PostAsync(http, new Uri(server.BaseAddress, "hooks/pipedrive/0123456789abcdef0123456789abcdef"), username, "guess");

        Assert.Equal(HttpStatusCode.NotFound, wrongSecret.StatusCode);
        Assert.Equal(unknownConnection.StatusCode, wrongSecret.StatusCode);
        Assert.Equal(await unknownConnection.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await wrongSecret.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<(Uri Url, string Username, string Password)> HookAsync()
    {
        using var user = await server.NewUserAsync();
        var (pipedrive, google) = await WebhookRegistrationTests<SqlitePublicUrlServer>.AccountsAsync(user);
        var id = await WebhookRegistrationTests<SqlitePublicUrlServer>.ConnectionAsync(user, pipedrive, google);
        var hook = (await user.GetAsync($"api/v1/connections/{id}/webhooks")).Expect(HttpStatusCode.OK).AsArray().Single()!;
        return (new Uri(hook["url"]!.GetValue<string>()), hook["username"]!.GetValue<string>(), hook["password"]!.GetValue<string>());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri url, string username, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

/// <summary>Issue 17 item 8: deliveries past the limit are refused, even with the right secret.</summary>
public sealed class WebhookLimitTests(LimitedHooksServer server) : IClassFixture<LimitedHooksServer>
{
    private const string Body = "{\"meta\":{\"action\":\"change\",\"entity\":\"person\",\"entity_id\":\"1\"}}";

    [Fact]
    public async Task Deliveries_past_the_limit_of_a_connection_are_answered_429_even_with_the_right_secret()
    {
        var (url, username, password) = await HookAsync();
        using var http = new HttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LimitedHooksServer.PerMinute + 1; i++)
        {
            using var answer = await PostAsync(http, url, username, password);
            statuses.Add(answer.StatusCode);
        }

        Assert.All(statuses[..LimitedHooksServer.PerMinute], s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private async Task<(Uri Url, string Username, string Password)> HookAsync()
    {
        using var user = await server.NewUserAsync();
        var (pipedrive, google) = await WebhookRegistrationTests<SqlitePublicUrlServer>.AccountsAsync(user);
        var id = await WebhookRegistrationTests<SqlitePublicUrlServer>.ConnectionAsync(user, pipedrive, google);
        var hook = (await user.GetAsync($"api/v1/connections/{id}/webhooks")).Expect(HttpStatusCode.OK).AsArray().Single()!;
        return (new Uri(hook["url"]!.GetValue<string>()), hook["username"]!.GetValue<string>(), hook["password"]!.GetValue<string>());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri url, string username, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

/// <summary>A server that takes few webhook deliveries a minute; each test's hooks come from one address (loopback).</summary>
public sealed class LimitedHooksServer() : ServerFixture(StoreKind.Sqlite)
{
    public const int PerMinute = 4;

    protected override IEnumerable<string> ExtraArguments => [$"--Tandem:WebhookRequestsPerMinute={PerMinute}"];
}
