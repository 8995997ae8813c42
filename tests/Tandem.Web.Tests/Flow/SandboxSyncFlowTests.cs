using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Flow;

/// <summary>
/// The newcomer's flow end to end on the real server: two sandbox accounts, a connection, start, and the
/// contacts arriving in the other sandbox (read through its own API); then health, activity, webhooks,
/// pause, resume and delete.
/// </summary>
public abstract class SandboxSyncFlowTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Pipedrive_persons_flow_into_google_contacts_after_start_and_the_connection_reports_what_it_did()
    {
        using var user = await server.NewUserAsync();
        var reader = new SandboxReader(server.Server);
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var id = (await user.PostAsync("api/v1/connections", new { name = "CRM into phone", accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        // Other tests of this class sync the same sandboxes; a person of this test's own is sure to be created.
        var newcomer = $"newcomer-{Guid.NewGuid():N}@example.com";
        await CreatePipedrivePersonAsync(newcomer, "Paula Newcomer");
        var persons = await reader.PipedriveEmailsAsync();
        Assert.DoesNotContain(newcomer, await reader.GoogleEmailsAsync());

        (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);
        var synced = await WaitUntilSyncedAsync(user, id);

        // Every person arrives, but those with the same name and company as a Google contact (the two demo sets share
        // names and companies) wait under Possible matches instead of becoming a likely duplicate.
        var google = (await reader.GoogleEmailsAsync()).ToHashSet(StringComparer.Ordinal);
        var held = (await user.GetAsync($"api/v1/connections/{id}/possible-matches?limit=200")).Expect(HttpStatusCode.OK).AsArray()
            .Select(pair => pair!["a"]!["emails"]!.AsArray()[0]!.GetValue<string>().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        Assert.All(persons, email => Assert.True(google.Contains(email) ^ held.Contains(email), $"{email} is in Google Contacts or waits for review, not both nor neither"));
        Assert.Contains(newcomer, google);
        Assert.Equal("Active", synced["state"]!.GetValue<string>());
        Assert.True(synced["started"]!.GetValue<bool>());
        Assert.Equal(persons.Count - held.Count, synced["inSync"]!.GetValue<int>());
        Assert.Equal("Pipedrive", synced["a"]!["appName"]!.GetValue<string>());
        Assert.Equal("Google Contacts", synced["b"]!["appName"]!.GetValue<string>());

        var health = (await user.GetAsync($"api/v1/connections/{id}/health")).Expect(HttpStatusCode.OK);
        Assert.Equal(persons.Count - held.Count, health["inSync"]!.GetValue<int>());
        Assert.Equal(persons.Count, health["seenA"]!.GetValue<int>());
        var excludedInGroups = health["groups"]!.AsArray().Where(g => g!["status"]!.GetValue<string>() == "Excluded").Sum(g => g!["count"]!.GetValue<int>());
        Assert.Equal(health["excluded"]!.GetValue<int>(), excludedInGroups);
        if (health["groups"]!.AsArray().FirstOrDefault() is { } group)
        {
            var contacts = (await user.GetAsync($"api/v1/connections/{id}/health/contacts?status={group["status"]}&side={group["side"]}&reason={Uri.EscapeDataString(group["reason"]?.GetValue<string>() ?? "")}&limit=500")).Expect(HttpStatusCode.OK).AsArray();
            Assert.Equal(Math.Min(500, group["count"]!.GetValue<int>()), contacts.Count);
        }

        var activity = (await user.GetAsync($"api/v1/connections/{id}/activity?limit=500")).Expect(HttpStatusCode.OK).AsArray();
        Assert.Contains(activity, line => line!["kind"]!.GetValue<string>() == "created" && line["side"]?.GetValue<string>() == "B" && line["message"]!.GetValue<string>().Contains("Paula Newcomer", StringComparison.Ordinal));
        var ids = activity.Select(line => line!["id"]!.GetValue<long>()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.All(activity, line => Assert.NotNull(line!["fields"]!.AsArray()));
        var lastActivity = (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK)["lastActivityAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(activity.Max(line => line!["at"]!.GetValue<DateTimeOffset>()), lastActivity);
        var older = (await user.GetAsync($"api/v1/activity?limit=2&before={ids[0]}")).Expect(HttpStatusCode.OK).AsArray();
        Assert.All(older, line => Assert.True(line!["id"]!.GetValue<long>() < ids[0]));
        var timeline = (await user.GetAsync($"api/v1/connections/{id}/activity/timeline?bucketMinutes=60")).Expect(HttpStatusCode.OK).AsArray();
        Assert.Contains(timeline, bucket => bucket!["kind"]!.GetValue<string>() == "created" && bucket["count"]!.GetValue<int>() > 0);
        (await user.GetAsync($"api/v1/connections/{id}/activity/timeline?bucketMinutes=0")).Expect(HttpStatusCode.BadRequest);
        (await user.GetAsync($"api/v1/connections/{id}/activity?limit=100000")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_contacts_a_rule_leaves_out_are_listed_by_name_and_email()
    {
        using var user = await server.NewUserAsync();
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var email = $"left-out-{Guid.NewGuid():N}@example.com";
        await CreatePipedrivePersonAsync(email, "Lena Leftout");
        var id = (await user.PostAsync("api/v1/connections", new
        {
            accountA = a,
            accountB = b,
            direction = "AToB",
            rulesA = new[] { new { id = "labelled", filters = new[] { new { kind = "HasTag", value = "no-such-label" } } } },
        })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);
        await Wait.UntilAsync(
            async () => (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK),
            c => c["state"]!.GetValue<string>() == "Active" && c["lastRunAt"] is not null,
            Deadline,
            "the first sync to finish");
        var contacts = (await user.GetAsync($"api/v1/connections/{id}/health/contacts?status=Excluded&side=A&limit=500")).Expect(HttpStatusCode.OK).AsArray();

        var leftOut = Assert.Single(contacts, c => c!["email"]?.GetValue<string>() == email)!;
        Assert.Equal("Lena Leftout", leftOut["name"]!.GetValue<string>());
        Assert.All(contacts, c => Assert.False(string.IsNullOrEmpty(c!["name"]?.GetValue<string>())));
    }

    [Fact]
    public async Task A_paused_connection_lets_nothing_through_resuming_brings_the_new_person_across_and_saving_an_edit_rescans()
    {
        using var user = await server.NewUserAsync();
        var reader = new SandboxReader(server.Server);
        var id = await StartedConnectionAsync(user);
        await WaitUntilSyncedAsync(user, id);

        var paused = (await user.PostAsync($"api/v1/connections/{id}/pause")).Expect(HttpStatusCode.OK);
        var email = $"paused-{Guid.NewGuid():N}@example.com";
        await CreatePipedrivePersonAsync(email, "Paula Paused");
        var afterPause = (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK);

        Assert.Equal("Paused", paused["state"]!.GetValue<string>());
        Assert.Equal("Paused", afterPause["state"]!.GetValue<string>());
        Assert.DoesNotContain(email, await reader.GoogleEmailsAsync());

        var resumed = (await user.PostAsync($"api/v1/connections/{id}/resume")).Expect(HttpStatusCode.OK);
        Assert.NotEqual("Paused", resumed["state"]!.GetValue<string>());
        await Wait.UntilAsync(reader.GoogleEmailsAsync, emails => emails.Contains(email), Deadline, "the person added while paused to reach Google");

        var connection = await WaitUntilSyncedAsync(user, id);
        var edited = (await user.PutAsync($"api/v1/connections/{id}", new
        {
            accountA = connection["a"]!["id"]!.GetValue<string>(),
            accountB = connection["b"]!["id"]!.GetValue<string>(),
            direction = "AToB",
            options = new { ignoreEmptyValues = true },
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("Scanning", edited["state"]!.GetValue<string>());
        Assert.True(edited["settings"]!["options"]!["ignoreEmptyValues"]!.GetValue<bool>());
        await WaitUntilSyncedAsync(user, id);
        (await user.PostAsync($"api/v1/connections/{id}/run")).Expect(HttpStatusCode.Accepted);
        (await user.PostAsync($"api/v1/connections/{id}/acknowledge-deletions")).Expect(HttpStatusCode.OK);
        (await user.DeleteAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Deleting_a_connection_deletes_no_contact_on_either_side()
    {
        using var user = await server.NewUserAsync();
        var reader = new SandboxReader(server.Server);
        var id = await StartedConnectionAsync(user);
        await WaitUntilSyncedAsync(user, id);
        var pipedrive = (await reader.PipedriveEmailsAsync()).Count;
        var google = (await reader.GoogleEmailsAsync()).Count;

        (await user.DeleteAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.NoContent);

        (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(pipedrive, (await reader.PipedriveEmailsAsync()).Count);
        Assert.Equal(google, (await reader.GoogleEmailsAsync()).Count);
        Assert.Empty((await user.GetAsync("api/v1/connections")).Expect(HttpStatusCode.OK).AsArray());
    }

    [Fact]
    public async Task A_pipedrive_webhook_is_accepted_only_with_the_connections_own_credentials()
    {
        using var user = await server.NewUserAsync();
        var id = await StartedConnectionAsync(user);
        var hooks = (await user.GetAsync($"api/v1/connections/{id}/webhooks")).Expect(HttpStatusCode.OK).AsArray();
        var pipedrive = hooks.Single()!;
        Assert.Equal("pipedrive", pipedrive["app"]!.GetValue<string>());
        var url = new Uri(pipedrive["url"]!.GetValue<string>());
        Assert.Equal($"/hooks/pipedrive/{id}", url.AbsolutePath);
        using var http = new HttpClient();
        var body = "{\"meta\":{\"action\":\"change\",\"entity\":\"person\",\"entity_id\":\"1\"}}";

        var none = await PostAsync(http, url, body, authorization: null);
        var wrong = await PostAsync(http, url, body, Basic(pipedrive["username"]!.GetValue<string>(), "guess"));
        var right = await PostAsync(http, url, body, Basic(pipedrive["username"]!.GetValue<string>(), pipedrive["password"]!.GetValue<string>()));
        var auth = Basic(pipedrive["username"]!.GetValue<string>(), pipedrive["password"]!.GetValue<string>());
        var aboutADeal = await PostAsync(http, url, "{\"meta\":{\"action\":\"change\",\"entity\":\"deal\",\"entity_id\":\"7\"}}", auth);
        var notPipedrive = await PostAsync(http, url, "{\"hello\":1}", auth);
        var otherApp = await PostAsync(http, new Uri(server.BaseAddress, $"hooks/google-contacts/{id}"), body, authorization: null);
        var noConnection = await PostAsync(http, new Uri(server.BaseAddress, "hooks/pipedrive/0123456789abcdef"), body, Basic("tandem", pipedrive["password"]!.GetValue<string>()));

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { none, wrong, right, aboutADeal, notPipedrive, otherApp, noConnection });
        (await user.DeleteAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_mailchimp_webhook_needs_the_secret_of_its_url_and_answers_mailchimps_check()
    {
        using var user = await server.NewUserAsync();
        var a = (await user.PostAsync("api/v1/accounts", new { app = "mailchimp", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var id = (await user.PostAsync("api/v1/connections", new { accountA = a, accountB = b })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var hook = (await user.GetAsync($"api/v1/connections/{id}/webhooks")).Expect(HttpStatusCode.OK).AsArray().Single()!;
        var url = new Uri(hook["url"]!.GetValue<string>());
        var bare = new Uri(url.GetLeftPart(UriPartial.Path));
        using var http = new HttpClient();
        var subscribe = "type=subscribe&fired_at=2026-11-23+10%3A00%3A00&data%5Bemail%5D=new%40example.com&data%5Blist_id%5D=abc";
        var campaign = "type=campaign&fired_at=2026-11-23+10%3A00%3A00&data%5Blist_id%5D=abc";

        using var check = await http.GetAsync(url, TestContext.Current.CancellationToken);
        using var checkWithoutSecret = await http.GetAsync(bare, TestContext.Current.CancellationToken);
        var event1 = await PostFormAsync(http, url, subscribe);
        var event2 = await PostFormAsync(http, url, campaign);
        var forged = await PostFormAsync(http, bare, subscribe);

        Assert.Equal("mailchimp", hook["app"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, checkWithoutSecret.StatusCode);
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.NotFound], new[] { event1, event2, forged });
        (await user.DeleteAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.NoContent);
    }

    private static async Task<HttpStatusCode> PostFormAsync(HttpClient http, Uri url, string form)
    {
        using var content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await http.PostAsync(url, content, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task<string> StartedConnectionAsync(ApiClient user)
    {
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var id = (await user.PostAsync("api/v1/connections", new { accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);
        return id;
    }

    private static Task<JsonNode> WaitUntilSyncedAsync(ApiClient user, string id) =>
        Wait.UntilAsync(
            async () => (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK),
            c => c["state"]!.GetValue<string>() == "Active" && c["lastRunAt"] is not null && c["inSync"]!.GetValue<int>() > 0,
            Deadline,
            "the first sync to finish");

    private async Task CreatePipedrivePersonAsync(string email, string name)
    {
        var sandbox = server.Server.Sandbox.Find("pipedrive")!;
        using var http = new HttpClient { BaseAddress = sandbox.Host.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-token", sandbox.Values["apiToken"]);
        var person = new JsonObject { ["name"] = name, ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["primary"] = true, ["label"] = "work" }) };
        using var content = new StringContent(person.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("api/v2/persons", content, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, Uri url, string body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}

public sealed class SqliteSandboxSyncFlowTests(SqliteServer server) : SandboxSyncFlowTests<SqliteServer>(server);

public sealed class PostgresSandboxSyncFlowTests(PostgresServer server) : SandboxSyncFlowTests<PostgresServer>(server);
