using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Sandbox.HubSpot;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Hooks;

/// <summary>
/// HubSpot's webhooks v3 on the real server: a delivery counts only when signed with the HubSpot app's client secret
/// (the account's setting) over this connection's hook URL and fresh; and the sandbox, subscribed to that URL, delivers
/// a new contact's event, which the intake accepts, and the contact reaches the other app.
/// </summary>
public abstract class HubSpotWebhookFlowTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private const string Body = """[{"eventId":1,"subscriptionId":2,"portalId":62515,"appId":1160452,"occurredAt":1,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":1001,"changeSource":"CRM_UI"}]""";

    [Fact]
    public async Task A_hubspot_delivery_is_accepted_only_signed_with_the_apps_client_secret_over_its_own_url_and_fresh()
    {
        using var user = await server.NewUserAsync();
        var id = await ConnectionAsync(user);
        var hook = (await user.GetAsync($"api/v1/connections/{id}/webhooks")).Expect(HttpStatusCode.OK).AsArray().Single(h => h!["app"]!.GetValue<string>() == "hubspot")!;
        var url = new Uri(hook["url"]!.GetValue<string>());
        var secret = server.Server.Sandbox.Find("hubspot")!.Values["clientSecret"];
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var companies = """[{"subscriptionType":"company.creation","objectId":5}]""";
        using var http = new HttpClient();

        var unsigned = await PostAsync(http, url, Body, null, now);
        var wrongKey = await PostAsync(http, url, Body, Sign("not-the-secret", url, Body, now), now);
        var otherUrl = await PostAsync(http, url, Body, Sign(secret, new Uri(url, "another"), Body, now), now);
        var stale = await PostAsync(http, url, Body, Sign(secret, url, Body, now - 600_000), now - 600_000);
        var right = await PostAsync(http, url, Body, Sign(secret, url, Body, now), now);
        var aboutCompanies = await PostAsync(http, url, companies, Sign(secret, url, companies, now), now);

        Assert.Equal($"/hooks/hubspot/{id}", url.AbsolutePath);
        Assert.Null(hook["username"]);
        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Accepted, HttpStatusCode.OK],
            new[] { unsigned, wrongKey, otherUrl, stale, right, aboutCompanies });
    }

    [Fact]
    public async Task The_sandbox_subscribed_to_the_hook_delivers_a_new_contacts_event_and_the_contact_reaches_google()
    {
        using var user = await server.NewUserAsync();
        var id = await ConnectionAsync(user);
        (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);
        var hook = (await user.GetAsync($"api/v1/connections/{id}/webhooks")).Expect(HttpStatusCode.OK).AsArray().Single(h => h!["app"]!.GetValue<string>() == "hubspot")!;
        var hosted = server.Server.Sandbox.Find("hubspot")!;
        var sandbox = (HubSpotSandbox)hosted.Host.App;
        sandbox.SubscribeWebhooks(new Uri(hook["url"]!.GetValue<string>()));
        var before = sandbox.WebhookDeliveries;
        var email = $"hooked-{Guid.NewGuid():N}@example.com";

        await CreateContactAsync(hosted.Host.BaseUri, hosted.Values["accessToken"], email);
        await sandbox.FlushWebhooksAsync();

        Assert.True(sandbox.WebhookDeliveries > before);
        await Wait.UntilAsync(
            () => new SandboxReader(server.Server).GoogleEmailsAsync(),
            emails => emails.Contains(email),
            TimeSpan.FromSeconds(180),
            "the hooked contact to reach Google Contacts");
    }

    private static async Task<string> ConnectionAsync(ApiClient user)
    {
        var a = (await user.PostAsync("api/v1/accounts", new { app = "hubspot", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        return (await user.PostAsync("api/v1/connections", new { accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
    }

    private static async Task CreateContactAsync(Uri baseUri, string token, string email)
    {
        using var http = new HttpClient { BaseAddress = baseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var contact = new JsonObject { ["properties"] = new JsonObject { ["email"] = email, ["firstname"] = "Hooked", ["lastname"] = "Contact" } };
        using var content = new StringContent(contact.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("crm/v3/objects/contacts", content, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>HubSpot's v3 signature, computed here independently of the connector's.</summary>
    private static string Sign(string secret, Uri url, string body, long timestamp) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("POST" + url.OriginalString + body + timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, Uri url, string body, string? signature, long timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (signature is not null)
        {
            request.Headers.Add("X-HubSpot-Signature-v3", signature);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}

public sealed class SqliteHubSpotWebhookFlowTests(SqliteServer server) : HubSpotWebhookFlowTests<SqliteServer>(server);
