using System.Net;
using System.Text.Json.Nodes;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Api;

/// <summary>The catalogue, the OpenAPI document, and accounts: authorise (tested at once), read, fields, re-authorise, rename, test, remove.</summary>
public abstract class AppsAndAccountsTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    [Fact]
    public async Task The_catalogue_lists_the_sandbox_apps_with_their_own_forms_and_hides_the_test_and_folder_apps()
    {
        using var user = await server.NewUserAsync();

        var apps = (await user.GetAsync("api/v1/apps")).Expect(HttpStatusCode.OK).AsArray();

        var keys = apps.Select(a => a!["app"]!.GetValue<string>()).ToList();
        Assert.Contains("pipedrive", keys);
        Assert.Contains("google-contacts", keys);
        Assert.DoesNotContain("in-memory", keys);
        Assert.DoesNotContain("vcard-folder", keys);
        var pipedrive = apps.Single(a => a!["app"]!.GetValue<string>() == "pipedrive")!;
        Assert.True(pipedrive["hasSandbox"]!.GetValue<bool>());
        var token = pipedrive["settings"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == "apiToken")!;
        Assert.True(token["isSecret"]!.GetValue<bool>());
        Assert.Equal(server.Server.Sandbox.Find("pipedrive")!.Values["apiToken"], token["sandboxValue"]!.GetValue<string>());
        Assert.Contains("ExistsInOtherApp", pipedrive["capabilities"]!["filters"]!.AsArray().Select(f => f!.GetValue<string>()));
        (await user.GetAsync("api/v1/apps/google-contacts")).Expect(HttpStatusCode.OK);
        Assert.Contains("No app 'nope'", (await user.GetAsync("api/v1/apps/nope")).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_serves_an_openapi_document_of_the_api()
    {
        server.SkipUnlessRunning();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var document = JsonNode.Parse(await http.GetStringAsync("openapi/v1.json", TestContext.Current.CancellationToken))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/v1/accounts", "/api/v1/connections", "/api/v1/connections/{id}/preview", "/api/v1/connections/{id}/health", "/api/v1/tokens", "/api/v1/mappings/check" })
        {
            Assert.Contains(path, paths);
        }

        Assert.Equal("Tandem API", document["info"]!["title"]!.GetValue<string>());
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_sandbox_account_is_authorised_after_the_app_accepts_it_and_its_secret_is_never_returned()
    {
        using var user = await server.NewUserAsync();
        var secret = server.Server.Sandbox.Find("pipedrive")!.Values["apiToken"];

        var created = await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true });

        var account = created.Expect(HttpStatusCode.Created);
        Assert.DoesNotContain(secret, created.Text, StringComparison.Ordinal);
        Assert.Equal(["apiToken"], account["storedSecrets"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("Pipedrive (sandbox)", account["name"]!.GetValue<string>());
        var listed = await user.GetAsync("api/v1/accounts");
        Assert.DoesNotContain(secret, listed.Text, StringComparison.Ordinal);
        Assert.Single(listed.Expect(HttpStatusCode.OK).AsArray());
        var check = (await user.PostAsync($"api/v1/accounts/{account["id"]}/test")).Expect(HttpStatusCode.OK);
        Assert.True(check["ok"]!.GetValue<bool>());
        Assert.True(check["contactsSeen"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task A_key_the_app_refuses_is_reported_with_the_reason_and_nothing_is_stored()
    {
        using var user = await server.NewUserAsync();

        var refused = await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true, values = new Dictionary<string, string> { ["apiToken"] = "wrong-token" } });

        refused.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("did not accept", refused.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", refused.Text, StringComparison.Ordinal);
        Assert.Empty((await user.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK).AsArray());
    }

    [Fact]
    public async Task A_value_typed_for_a_setting_the_app_lists_is_refused_with_the_values_it_offers_and_one_of_them_by_name_is_accepted()
    {
        using var user = await server.NewUserAsync();

        var refused = await user.PostAsync("api/v1/accounts", new { app = "pipeliner", useSandbox = true, values = new Dictionary<string, string> { ["salesUnitId"] = "Antarctica" } });
        var accepted = await user.PostAsync("api/v1/accounts", new { app = "pipeliner", useSandbox = true, values = new Dictionary<string, string> { ["salesUnitId"] = "americas" } });

        refused.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("The setting Sales unit must be one of those Pipeliner CRM offers: Americas, ", refused.Detail, StringComparison.Ordinal);
        accepted.Expect(HttpStatusCode.Created);
        Assert.Single((await user.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK).AsArray());
    }

    [Fact]
    public async Task Unknown_missing_and_internal_values_are_refused_each_with_its_reason()
    {
        using var user = await server.NewUserAsync();

        var unknown = await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true, values = new Dictionary<string, string> { ["apiTokn"] = "x" } });
        var missing = await user.PostAsync("api/v1/accounts", new { app = "pipedrive", values = new Dictionary<string, string>() });
        var internalUrl = await user.PostAsync("api/v1/accounts", new { app = "pipedrive", values = new Dictionary<string, string> { ["apiToken"] = "t", ["baseUrl"] = "http://127.0.0.1:1/" } });
        var noApp = await user.PostAsync("api/v1/accounts", new { app = "nope" });

        Assert.Contains("no setting 'apiTokn'", unknown.Detail, StringComparison.Ordinal);
        Assert.Contains("“API token” (apiToken)", missing.Detail, StringComparison.Ordinal);
        Assert.Contains("internal address", internalUrl.Detail, StringComparison.Ordinal);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound], new[] { unknown.Status, missing.Status, internalUrl.Status, noApp.Status });
        Assert.Empty((await user.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK).AsArray());
    }

    [Fact]
    public async Task Another_users_account_is_not_found_by_any_endpoint_and_stays_as_it_was()
    {
        using var owner = await server.NewUserAsync();
        using var stranger = await server.NewUserAsync();
        var id = (await owner.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        var answers = new[]
        {
            await stranger.GetAsync($"api/v1/accounts/{id}"),
            await stranger.GetAsync($"api/v1/accounts/{id}/fields"),
            await stranger.PostAsync($"api/v1/accounts/{id}/test"),
            await stranger.PatchAsync($"api/v1/accounts/{id}", new { name = "mine now" }),
            await stranger.PutAsync($"api/v1/accounts/{id}/authorization", new { useSandbox = true }),
            await stranger.DeleteAsync($"api/v1/accounts/{id}"),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        Assert.Empty((await stranger.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK).AsArray());
        Assert.Equal("Pipedrive (sandbox)", (await owner.GetAsync($"api/v1/accounts/{id}")).Expect(HttpStatusCode.OK)["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refused_reauthorisation_keeps_the_working_key_and_an_accepted_one_replaces_it()
    {
        using var user = await server.NewUserAsync();
        var id = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        var refused = await user.PutAsync($"api/v1/accounts/{id}/authorization", new { values = new Dictionary<string, string> { ["apiToken"] = "expired-token" } });

        refused.Expect(HttpStatusCode.BadRequest);
        Assert.True((await user.PostAsync($"api/v1/accounts/{id}/test")).Expect(HttpStatusCode.OK)["ok"]!.GetValue<bool>());
        var accepted = await user.PutAsync($"api/v1/accounts/{id}/authorization", new { values = new Dictionary<string, string> { ["apiToken"] = server.Server.Sandbox.Find("pipedrive")!.Values["apiToken"] } });
        accepted.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_account_is_renamed_and_removed_and_a_blank_name_is_refused()
    {
        using var user = await server.NewUserAsync();
        var id = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true, name = "Team address book" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        Assert.Equal("Sales book", (await user.PatchAsync($"api/v1/accounts/{id}", new { name = "Sales book" })).Expect(HttpStatusCode.OK)["name"]!.GetValue<string>());
        (await user.PatchAsync($"api/v1/accounts/{id}", new { name = " " })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("Sales book", (await user.GetAsync($"api/v1/accounts/{id}")).Expect(HttpStatusCode.OK)["name"]!.GetValue<string>());

        (await user.DeleteAsync($"api/v1/accounts/{id}")).Expect(HttpStatusCode.NoContent);
        (await user.GetAsync($"api/v1/accounts/{id}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_accounts_fields_come_with_preview_values_from_its_contacts()
    {
        using var user = await server.NewUserAsync();
        var id = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        var fields = (await user.GetAsync($"api/v1/accounts/{id}/fields")).Expect(HttpStatusCode.OK)["fields"]!.AsArray();

        var emails = fields.Single(f => f!["role"]!.GetValue<string>() == "Emails")!;
        Assert.Contains("@example.com", emails["preview"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(fields, f => f!["isCustom"]!.GetValue<bool>());
        Assert.Contains(fields, f => f!["key"]!.GetValue<string>().EndsWith("/Currency", StringComparison.Ordinal));
    }
}

public sealed class SqliteAppsAndAccountsTests(SqliteServer server) : AppsAndAccountsTests<SqliteServer>(server);

public sealed class PostgresAppsAndAccountsTests(PostgresServer server) : AppsAndAccountsTests<PostgresServer>(server);
