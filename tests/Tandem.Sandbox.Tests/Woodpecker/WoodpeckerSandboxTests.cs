using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox.Woodpecker;

namespace Tandem.Sandbox.Tests.Woodpecker;

/// <summary>The Woodpecker sandbox over HTTP: the key in x-api-key or legacy Basic, listings, upserts, deletes by id list, webhook subscriptions.</summary>
public sealed class WoodpeckerSandboxTests : IAsyncLifetime
{
    private readonly WoodpeckerSandbox sandbox = new(new WoodpeckerSandboxOptions { SeedProspects = 30 });
    private readonly OpenApiValidator validator = WoodpeckerOpenApi.CreateValidator();
    private SandboxHost? host;
    private HttpClient? http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);
        http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-key", sandbox.Options.ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        sandbox.Dispose();
        validator.AssertNoViolations();
    }

    [Fact]
    public async Task The_key_works_as_x_api_key_and_as_the_legacy_Basic_user_name_and_a_wrong_one_is_E_SESSION()
    {
        using var basic = new HttpClient { BaseAddress = host!.BaseUri };
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sandbox.Options.ApiKey + ":X")));
        using var wrong = new HttpClient { BaseAddress = host.BaseUri };
        wrong.DefaultRequestHeaders.Add("x-api-key", "not-the-key");

        using var byHeader = await http!.GetAsync(new Uri("rest/v1/me", UriKind.Relative), Ct);
        using var byBasic = await basic.GetAsync(new Uri("rest/v1/me", UriKind.Relative), Ct);
        using var refused = await wrong.GetAsync(new Uri("rest/v1/me", UriKind.Relative), Ct);
        var error = await refused.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byBasic.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("E_SESSION", error!["status"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_listing_is_a_bare_array_with_the_total_in_X_Total_Count_and_an_empty_page_is_204()
    {
        using var first = await http!.GetAsync(new Uri("rest/v1/prospects?per_page=20&page=1&sort=-updated", UriKind.Relative), Ct);
        var items = await first.Content.ReadFromJsonAsync<JsonArray>(Ct);
        using var past = await http.GetAsync(new Uri("rest/v1/prospects?per_page=20&page=3", UriKind.Relative), Ct);

        Assert.Equal(20, items!.Count);
        Assert.Equal("30", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(HttpStatusCode.NoContent, past.StatusCode);
        Assert.Empty(await past.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Add_prospects_list_leaves_an_existing_prospect_alone_unless_update_is_true()
    {
        var id = sandbox.ProspectIds()[0];
        var email = sandbox.Prospect(id)!["email"]!.GetValue<string>();

        var plain = await PostAsync("rest/v1/add_prospects_list", Body(false, new JsonObject { ["email"] = email.ToUpperInvariant(), ["title"] = "Changed" }));
        Assert.Equal("E_DUPLICATE", plain["prospects"]![0]!["code"]!.GetValue<string>());
        Assert.NotEqual("Changed", sandbox.Prospect(id)!["title"]!.GetValue<string>());

        var upsert = await PostAsync("rest/v1/add_prospects_list", Body(true, new JsonObject { ["email"] = email, ["title"] = "Changed" }, new JsonObject { ["email"] = "new.one@example.com", ["first_name"] = "New" }));
        Assert.Equal(id, upsert["prospects"]![0]!["id"]!.GetValue<int>());
        Assert.Equal("Changed", sandbox.Prospect(id)!["title"]!.GetValue<string>());
        Assert.Equal(31, sandbox.ProspectCount);
        Assert.Equal("ACTIVE", sandbox.StatusOf(upsert["prospects"]![1]!["id"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Prospects_are_deleted_by_an_id_list_and_a_URL_over_4100_characters_is_refused()
    {
        var ids = sandbox.ProspectIds();
        using var deleted = await http!.DeleteAsync(new Uri($"rest/v1/prospects?id={ids[0]},{ids[1]},999999", UriKind.Relative), Ct);
        using var tooLong = await http.DeleteAsync(new Uri("rest/v1/prospects?id=" + string.Join(',', Enumerable.Range(100000, 700)), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(28, sandbox.ProspectCount);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task A_webhook_subscription_twice_is_a_409_and_unsubscribing_removes_it()
    {
        var subscription = new JsonObject { ["target_url"] = "https://hooks.example.com/woodpecker", ["event"] = "prospect_blacklisted" };
        var client = http!;
        using var first = await client.PostAsJsonAsync(new Uri("rest/v1/webhooks/subscribe", UriKind.Relative), subscription, Ct);
        using var again = await client.PostAsJsonAsync(new Uri("rest/v1/webhooks/subscribe", UriKind.Relative), subscription, Ct);
        var listed = sandbox.Webhooks.Count;
        using var removed = await client.PostAsJsonAsync(new Uri("rest/v1/webhooks/unsubscribe", UriKind.Relative), subscription, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, listed);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty(sandbox.Webhooks);
    }

    private static JsonObject Body(bool update, params JsonObject[] prospects) =>
        new() { ["update"] = update, ["file_name"] = "test", ["prospects"] = new JsonArray(prospects) };

    private async Task<JsonObject> PostAsync(string path, JsonObject body)
    {
        using var response = await http!.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
