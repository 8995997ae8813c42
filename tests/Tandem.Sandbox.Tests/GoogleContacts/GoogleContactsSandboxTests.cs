using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Sandbox;
using Tandem.Sandbox.GoogleContacts;

namespace Tandem.Sandbox.Tests.GoogleContacts;

public sealed class GoogleContactsSandboxTests : IAsyncLifetime
{
    private readonly GoogleContactsSandbox sandbox = new(new GoogleSandboxOptions { SeedContacts = 30 });
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private SandboxHost? host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, cancellationToken: Ct);
        http.BaseAddress = host.BaseUri;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await host!.DisposeAsync();
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401_in_Googles_error_envelope()
    {
        using var response = await http.GetAsync(new Uri("v1/people/me/connections?personFields=names", UriKind.Relative), Ct);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, error["code"]!.GetValue<int>());
        Assert.Equal("UNAUTHENTICATED", error["status"]!.GetValue<string>());
        Assert.Equal("127.0.0.1", host!.BaseUri.Host);
    }

    [Fact]
    public async Task The_consent_page_redirects_with_a_code_that_the_token_endpoint_exchanges_once()
    {
        var consent = $"o/oauth2/auth?client_id={sandbox.Options.ClientId}&redirect_uri=http://127.0.0.1:9/accounts/oauth/callback&response_type=code&state=s1";
        using var redirect = await http.GetAsync(new Uri(consent, UriKind.Relative), Ct);
        var location = redirect.Headers.Location!;
        var code = System.Web.HttpUtility.ParseQueryString(location.Query)["code"]!;

        var first = await TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://127.0.0.1:9/accounts/oauth/callback" });
        var second = await TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://127.0.0.1:9/accounts/oauth/callback" });

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("state=s1", location.Query, StringComparison.Ordinal);
        Assert.NotNull(first["refresh_token"]);
        Assert.Equal("invalid_grant", second["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expired_sync_token_gets_400_with_the_EXPIRED_SYNC_TOKEN_reason()
    {
        await AuthorizeAsync();
        var list = await GetAsync("v1/people/me/connections?personFields=names&pageSize=1000&requestSyncToken=true");
        var token = list["nextSyncToken"]!.GetValue<string>();
        sandbox.Faults.ExpireSyncTokens();

        using var response = await http.GetAsync(new Uri("v1/people/me/connections?personFields=names&pageSize=1000&requestSyncToken=true&syncToken=" + token, UriKind.Relative), Ct);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("FAILED_PRECONDITION", error["status"]!.GetValue<string>());
        Assert.Equal("EXPIRED_SYNC_TOKEN", error["details"]![0]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        await AuthorizeAsync();
        var name = sandbox.ResourceNames()[0];
        var before = sandbox.Person(name)!;
        var body = new JsonObject { ["etag"] = "%stale", ["names"] = new JsonArray(new JsonObject { ["givenName"] = "Changed" }) };

        using var response = await http.PatchAsync(new Uri($"v1/{name}:updateContact?updatePersonFields=names", UriKind.Relative), JsonContent.Create(body), Ct);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("FAILED_PRECONDITION", error["status"]!.GetValue<string>());
        Assert.Equal(before.ToJsonString(), sandbox.Person(name)!.ToJsonString());
    }

    [Fact]
    public async Task A_person_with_an_unknown_field_is_refused()
    {
        await AuthorizeAsync();
        var body = new JsonObject { ["favouriteColour"] = "green" };

        using var response = await http.PostAsync(new Uri("v1/people:createContact", UriKind.Relative), JsonContent.Create(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(30, sandbox.ContactCount);
    }

    [Fact]
    public async Task The_quota_answers_429_RESOURCE_EXHAUSTED()
    {
        await AuthorizeAsync();
        sandbox.Faults.RateLimitStorm(1);

        using var response = await http.GetAsync(new Uri("v1/contactGroups", UriKind.Relative), Ct);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!;

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("RESOURCE_EXHAUSTED", error["status"]!.GetValue<string>());
    }

    [Fact]
    public void The_same_seed_gives_the_same_demo_contacts()
    {
        var other = new GoogleContactsSandbox(new GoogleSandboxOptions { SeedContacts = 30 });

        Assert.Equal(
            sandbox.ResourceNames().Select(n => sandbox.Person(n)!["emailAddresses"]!.ToJsonString()),
            other.ResourceNames().Select(n => other.Person(n)!["emailAddresses"]!.ToJsonString()));
    }

    [Fact]
    public async Task A_deprecated_system_group_refuses_new_members_with_400_and_still_lets_one_go()
    {
        await AuthorizeAsync();
        var person = sandbox.ResourceNames()[0];
        sandbox.EditContact(person, p => ((JsonArray)p["memberships"]!).Add(new JsonObject { ["contactGroupMembership"] = new JsonObject { ["contactGroupResourceName"] = "contactGroups/family" } }));
        var other = sandbox.ResourceNames()[1];

        using var add = await http.PostAsJsonAsync(new Uri("v1/contactGroups/friends/members:modify", UriKind.Relative), new JsonObject { ["resourceNamesToAdd"] = new JsonArray(other) }, Ct);
        using var starred = await http.PostAsJsonAsync(new Uri("v1/contactGroups/starred/members:modify", UriKind.Relative), new JsonObject { ["resourceNamesToAdd"] = new JsonArray(other) }, Ct);
        using var remove = await http.PostAsJsonAsync(new Uri("v1/contactGroups/family/members:modify", UriKind.Relative), new JsonObject { ["resourceNamesToRemove"] = new JsonArray(person) }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Equal("FAILED_PRECONDITION", (await add.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, starred.StatusCode);
        Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        Assert.DoesNotContain("contactGroups/family", Groups(person));
        Assert.DoesNotContain("contactGroups/friends", Groups(other));
        Assert.Contains("contactGroups/starred", Groups(other));
    }

    [Fact]
    public async Task The_system_groups_are_listed_with_the_names_Google_shows()
    {
        await AuthorizeAsync();

        var groups = (await GetAsync("v1/contactGroups?pageSize=1000"))["contactGroups"]!.AsArray().OfType<JsonObject>()
            .Where(g => g["groupType"]!.GetValue<string>() == "SYSTEM_CONTACT_GROUP")
            .ToDictionary(g => g["resourceName"]!.GetValue<string>(), g => g["formattedName"]!.GetValue<string>());

        Assert.Equal("Friends", groups["contactGroups/friends"]);
        Assert.Equal("Family", groups["contactGroups/family"]);
        Assert.Equal("Coworkers", groups["contactGroups/coworkers"]);
        Assert.Equal("My Contacts", groups["contactGroups/myContacts"]);
    }

    private List<string?> Groups(string person) =>
        [.. sandbox.Person(person)!["memberships"]!.AsArray().Select(m => m?["contactGroupMembership"]?["contactGroupResourceName"]?.GetValue<string>())];

    private async Task AuthorizeAsync()
    {
        var tokens = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = sandbox.Options.DemoRefreshToken });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
    }

    private async Task<JsonObject> TokenAsync(Dictionary<string, string> form)
    {
        form["client_id"] = sandbox.Options.ClientId;
        form["client_secret"] = sandbox.Options.ClientSecret;
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri("token", UriKind.Relative), content, Ct);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private async Task<JsonObject> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
