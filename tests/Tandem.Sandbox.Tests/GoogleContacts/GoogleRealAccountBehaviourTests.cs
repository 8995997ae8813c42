using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tandem.Sandbox;
using Tandem.Sandbox.GoogleContacts;

namespace Tandem.Sandbox.Tests.GoogleContacts;

/// <summary>
/// What a real Google account does that a quiet sandbox would not show (issue 14): resource names that change when a
/// contact is linked to a profile, writes that take minutes to show in sync results, and per-minute read and write quotas.
/// </summary>
public sealed class GoogleRealAccountBehaviourTests : IAsyncLifetime
{
    private const string Listing = "v1/people/me/connections?personFields=names,metadata&pageSize=1000&requestSyncToken=true";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
    private readonly GoogleContactsSandbox sandbox;
    private readonly HttpClient http = new();
    private SandboxHost? host;

    public GoogleRealAccountBehaviourTests()
    {
        sandbox = new GoogleContactsSandbox(new GoogleSandboxOptions { SeedContacts = 3 }, time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, cancellationToken: Ct);
        http.BaseAddress = host.BaseUri;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = sandbox.Options.DemoRefreshToken,
            ["client_id"] = sandbox.Options.ClientId,
            ["client_secret"] = sandbox.Options.ClientSecret,
        };
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri("token", UriKind.Relative), content, Ct);
        var tokens = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await host!.DisposeAsync();
    }

    [Fact]
    public async Task A_renamed_contact_comes_back_in_sync_results_under_its_new_name_naming_the_old_one_which_is_gone()
    {
        var token = (await GetAsync(Listing))["nextSyncToken"]!.GetValue<string>();
        var old = sandbox.ResourceNames()[0];

        var renamed = sandbox.ChangeResourceName(old);
        var changes = await GetAsync(Listing + "&syncToken=" + Uri.EscapeDataString(token));
        var people = changes["connections"]!.AsArray().Select(p => p!.AsObject()).ToList();
        var full = await GetAsync(Listing);

        Assert.NotEqual(old, renamed);
        Assert.True(Assert.Single(people, p => p["resourceName"]!.GetValue<string>() == old)["metadata"]!["deleted"]!.GetValue<bool>());
        var moved = Assert.Single(people, p => p["resourceName"]!.GetValue<string>() == renamed);
        Assert.Equal([old], moved["metadata"]!["previousResourceNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.DoesNotContain(full["connections"]!.AsArray(), p => p!["metadata"]!["previousResourceNames"] is not null);
        using var gone = await http.GetAsync(new Uri("v1/" + old + "?personFields=names", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_contact_created_while_writes_propagate_shows_in_listings_and_sync_results_only_after_the_delay()
    {
        sandbox.Faults.PropagationDelay = TimeSpan.FromMinutes(3);
        var token = (await GetAsync(Listing))["nextSyncToken"]!.GetValue<string>();
        using var created = await http.PostAsJsonAsync(new Uri("v1/people:createContact?personFields=names", UriKind.Relative), new JsonObject { ["names"] = new JsonArray(new JsonObject { ["givenName"] = "Patience" }) }, Ct);
        var name = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["resourceName"]!.GetValue<string>();

        time.Advance(TimeSpan.FromMinutes(1));
        var early = await GetAsync(Listing + "&syncToken=" + Uri.EscapeDataString(token));
        var earlyList = await GetAsync(Listing);
        var readBack = await GetAsync("v1/" + name + "?personFields=names");
        time.Advance(TimeSpan.FromMinutes(3));
        var late = await GetAsync(Listing + "&syncToken=" + Uri.EscapeDataString(early["nextSyncToken"]!.GetValue<string>()));

        Assert.Null(early["connections"]);
        Assert.DoesNotContain(earlyList["connections"]!.AsArray(), p => p!["resourceName"]!.GetValue<string>() == name);
        Assert.Equal(name, readBack["resourceName"]!.GetValue<string>());
        Assert.Equal([name], late["connections"]!.AsArray().Select(p => p!["resourceName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reads_and_writes_have_their_own_per_minute_quota_that_a_new_minute_renews()
    {
        sandbox.Faults.ReadRequestsPerMinute = 2;
        sandbox.Faults.WriteRequestsPerMinute = 1;

        var reads = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var read = await http.GetAsync(new Uri("v1/contactGroups", UriKind.Relative), Ct);
            reads.Add(read.StatusCode);
        }

        using var write = await http.PostAsJsonAsync(new Uri("v1/contactGroups", UriKind.Relative), new JsonObject { ["contactGroup"] = new JsonObject { ["name"] = "Quota" } }, Ct);
        using var secondWrite = await http.PostAsJsonAsync(new Uri("v1/contactGroups", UriKind.Relative), new JsonObject { ["contactGroup"] = new JsonObject { ["name"] = "Quota 2" } }, Ct);
        var refusal = (await secondWrite.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!["status"]!.GetValue<string>();
        time.Advance(TimeSpan.FromMinutes(1));
        using var nextMinute = await http.GetAsync(new Uri("v1/contactGroups", UriKind.Relative), Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], reads);
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, secondWrite.StatusCode);
        Assert.Equal("RESOURCE_EXHAUSTED", refusal);
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);
    }

    private async Task<JsonObject> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
