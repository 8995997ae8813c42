using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Hooks;

/// <summary>
/// The intake finds each app's verifier in the catalogue: an app without webhooks is not found, and a delivery larger
/// than any vendor sends is refused before its app's connector reads it.
/// </summary>
public abstract class WebhookIntakeTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    [Fact]
    public async Task Only_the_apps_whose_connector_verifies_webhooks_have_a_hook()
    {
        using var user = await server.NewUserAsync();
        var (pipedrive, google) = await WebhookRegistrationTests<SqlitePublicUrlServer>.AccountsAsync(user);
        var id = await WebhookRegistrationTests<SqlitePublicUrlServer>.ConnectionAsync(user, pipedrive, google);

        var described = (await user.GetAsync($"api/v1/connections/{id}/webhooks")).Expect(HttpStatusCode.OK).AsArray();
        using var http = new HttpClient();
        using var toGoogle = await http.PostAsync(new Uri(server.BaseAddress, $"hooks/google-contacts/{id}"), new StringContent("{}"), TestContext.Current.CancellationToken);
        using var toNoApp = await http.PostAsync(new Uri(server.BaseAddress, $"hooks/no-such-app/{id}"), new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(["pipedrive"], described.Select(h => h!["app"]!.GetValue<string>()));
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { toGoogle.StatusCode, toNoApp.StatusCode });
    }

    [Fact]
    public async Task A_delivery_larger_than_any_vendor_sends_is_refused_with_its_size_even_with_the_right_credentials()
    {
        using var user = await server.NewUserAsync();
        var (pipedrive, google) = await WebhookRegistrationTests<SqlitePublicUrlServer>.AccountsAsync(user);
        var id = await WebhookRegistrationTests<SqlitePublicUrlServer>.ConnectionAsync(user, pipedrive, google);
        var hook = (await user.GetAsync($"api/v1/connections/{id}/webhooks")).Expect(HttpStatusCode.OK).AsArray().Single()!;
        var padding = new string(' ', 1024 * 1024);
        var body = $$"""{"meta":{"action":"change","entity":"person","entity_id":"1"},"pad":"{{padding}}"}""";
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(hook["url"]!.GetValue<string>())) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{hook["username"]!.GetValue<string>()}:{hook["password"]!.GetValue<string>()}")));

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("The delivery is larger than 1024 KiB.", problem["detail"]!.GetValue<string>());
    }
}

public sealed class SqliteWebhookIntakeTests(SqliteServer server) : WebhookIntakeTests<SqliteServer>(server);

public sealed class PostgresWebhookIntakeTests(PostgresServer server) : WebhookIntakeTests<PostgresServer>(server);
