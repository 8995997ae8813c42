using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox.HubSpot;

namespace Tandem.Sandbox.Tests.HubSpot;

/// <summary>The HubSpot sandbox over HTTP: auth, after paging, batches and 207, search limits, the rate headers and 429 bodies, OAuth.</summary>
public sealed class HubSpotSandboxTests : IAsyncLifetime
{
    private readonly HubSpotSandbox sandbox = new(new HubSpotSandboxOptions { SeedContacts = 120, BurstLimit = 150 });
    private readonly OpenApiValidator validator = HubSpotOpenApi.CreateValidator();
    private SandboxHost? host;
    private HttpClient? http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);
        http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.Options.PrivateAppToken);
    }

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        validator.AssertNoViolations();
    }

    [Fact]
    public async Task A_request_without_a_token_gets_HubSpots_401_body()
    {
        using var anonymous = new HttpClient { BaseAddress = host!.BaseUri };
        using var response = await anonymous.GetAsync(new Uri("crm/v3/objects/contacts", UriKind.Relative), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(("error", "INVALID_AUTHENTICATION"), (body!["status"]!.GetValue<string>(), body["category"]!.GetValue<string>()));
    }

    [Fact]
    public async Task After_paging_lists_every_contact_once_and_answers_the_rate_headers()
    {
        var ids = new List<string>();
        string? after = null;
        HttpResponseMessage? last = null;
        do
        {
            last?.Dispose();
            last = await http!.GetAsync(new Uri("crm/v3/objects/contacts?limit=50" + (after is null ? string.Empty : "&after=" + after), UriKind.Relative), Ct);
            var page = (await last.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            ids.AddRange(page["results"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
            after = page["paging"]?["next"]?["after"]?.GetValue<string>();
        }
        while (after is not null);

        Assert.Equal(120, ids.Distinct().Count());
        Assert.Equal("150", last.Headers.GetValues("X-HubSpot-RateLimit-Max").Single());
        Assert.Equal("147", last.Headers.GetValues("X-HubSpot-RateLimit-Remaining").Single());
        Assert.Equal("10000", last.Headers.GetValues("X-HubSpot-RateLimit-Interval-Milliseconds").Single());
        Assert.Equal("649997", last.Headers.GetValues("X-HubSpot-RateLimit-Daily-Remaining").Single());
        last.Dispose();
    }

    [Fact]
    public async Task A_batch_with_one_bad_input_answers_207_naming_it_and_creates_the_others()
    {
        using var response = await http!.PostAsJsonAsync(new Uri("crm/v3/objects/contacts/batch/create", UriKind.Relative), new JsonObject
        {
            ["inputs"] = new JsonArray(
                new JsonObject { ["properties"] = new JsonObject { ["email"] = "new.one@example.com" }, ["associations"] = new JsonArray(), ["objectWriteTraceId"] = "a" },
                new JsonObject { ["properties"] = new JsonObject { ["email"] = "new.two@example.com", ["lifecyclestage"] = "prospect" }, ["associations"] = new JsonArray(), ["objectWriteTraceId"] = "b" }),
        }, Ct);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        Assert.Equal("a", Assert.Single(body["results"]!.AsArray())!["objectWriteTraceId"]!.GetValue<string>());
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(("VALIDATION_ERROR", "b"), (error["category"]!.GetValue<string>(), error["context"]!["objectWriteTraceId"]![0]!.GetValue<string>()));
        Assert.Equal(121, sandbox.ContactCount);
    }

    [Fact]
    public async Task A_second_contact_with_a_taken_email_is_a_409_naming_the_existing_id()
    {
        var existing = sandbox.ContactIds()[0];
        using var response = await http!.PostAsJsonAsync(new Uri("crm/v3/objects/contacts", UriKind.Relative), new JsonObject
        {
            ["properties"] = new JsonObject { ["email"] = sandbox.Contact(existing)!["email"].ToUpperInvariant() },
            ["associations"] = new JsonArray(),
        }, Ct);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Contact already exists. Existing ID: " + existing, body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_has_its_own_per_second_limit_and_its_429_names_the_policy_without_rate_headers()
    {
        var statuses = new List<HttpStatusCode>();
        JsonObject? refused = null;
        for (var i = 0; i < 6; i++)
        {
            using var response = await http!.PostAsJsonAsync(new Uri("crm/v3/objects/contacts/search", UriKind.Relative), new JsonObject
            {
                ["filterGroups"] = new JsonArray(),
                ["sorts"] = new JsonArray(),
                ["properties"] = new JsonArray("email"),
                ["limit"] = 1,
                ["after"] = "0",
            }, Ct);
            statuses.Add(response.StatusCode);
            Assert.False(response.Headers.Contains("X-HubSpot-RateLimit-Remaining"));
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? await response.Content.ReadFromJsonAsync<JsonObject>(Ct) : refused;
        }

        // Six searches within a second on the system clock: the sixth is over the limit of five (the test runs far faster than a second).
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(("SECONDLY", "RATE_LIMIT"), (refused!["policyName"]!.GetValue<string>(), refused["errorType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_burst_limit_refuses_with_a_429_naming_the_ten_secondly_policy()
    {
        sandbox.Faults.RateLimitStorm(1);

        using var response = await http!.GetAsync(new Uri("crm/v3/owners", UriKind.Relative), Ct);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("TEN_SECONDLY_ROLLING", body["policyName"]!.GetValue<string>());
        Assert.Equal("You have reached your ten_secondly_rolling limit.", body["message"]!.GetValue<string>());
        Assert.Equal("0", response.Headers.GetValues("X-HubSpot-RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task The_demo_refresh_token_gets_an_access_token_that_lists_contacts_and_is_answered_again()
    {
        using var anonymous = new HttpClient { BaseAddress = host!.BaseUri };
        using var token = await anonymous.PostAsync(new Uri("oauth/v1/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = sandbox.Options.OAuthClientId,
            ["client_secret"] = sandbox.Options.OAuthClientSecret,
            ["refresh_token"] = sandbox.Options.DemoRefreshToken,
        }), Ct);
        var answer = (await token.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        using var listing = new HttpRequestMessage(HttpMethod.Get, new Uri("crm/v3/objects/contacts?limit=2", UriKind.Relative));
        listing.Headers.Authorization = new AuthenticationHeaderValue("Bearer", answer["access_token"]!.GetValue<string>());
        using var listed = await anonymous.SendAsync(listing, Ct);

        Assert.Equal((1800, sandbox.Options.DemoRefreshToken), (answer["expires_in"]!.GetValue<int>(), answer["refresh_token"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task A_merged_id_answers_as_the_survivor_and_is_no_archived_contact()
    {
        var (primary, secondary) = (sandbox.ContactIds()[0], sandbox.ContactIds()[1]);
        using var merge = await http!.PostAsJsonAsync(new Uri("crm/v3/objects/contacts/merge", UriKind.Relative), new JsonObject { ["primaryObjectId"] = primary, ["objectIdToMerge"] = secondary }, Ct);
        var survivor = (await merge.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        using var old = await http!.GetAsync(new Uri($"crm/v3/objects/contacts/{secondary}?properties=hs_merged_object_ids", UriKind.Relative), Ct);
        var archived = await http!.GetFromJsonAsync<JsonObject>(new Uri("crm/v3/objects/contacts?archived=true", UriKind.Relative), Ct);

        Assert.Equal(primary, survivor["id"]!.GetValue<string>());
        var read = (await old.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal((primary, secondary), (read["id"]!.GetValue<string>(), read["properties"]!["hs_merged_object_ids"]!.GetValue<string>()));
        Assert.Empty(archived!["results"]!.AsArray());
        Assert.Equal(119, sandbox.ContactCount);
    }
}
