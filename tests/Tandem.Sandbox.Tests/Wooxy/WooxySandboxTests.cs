using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Testing.Webhooks;
using Tandem.Sandbox.Wooxy;

namespace Tandem.Sandbox.Tests.Wooxy;

/// <summary>
/// The Wooxy sandbox over HTTP, on a fake clock: requests pending until processed, per-contact results from
/// <c>request/find</c> and the <c>webHookUri</c> callback, ten requests in flight, the limits per transaction, the lists
/// and their variables, and Wooxy's error envelope.
/// </summary>
public sealed class WooxySandboxTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly WooxySandbox sandbox;
    private SandboxHost? host;
    private HttpClient? http;

    public WooxySandboxTests()
    {
        sandbox = new WooxySandbox(new WooxySandboxOptions { ProcessingDelay = TimeSpan.FromSeconds(2), SeedContacts = 3 }, clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, cancellationToken: Ct);
        http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Add("Access-Token", sandbox.Options.AccessToken);
    }

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        sandbox.Dispose();
    }

    [Fact]
    public async Task An_added_contact_is_pending_until_processed_then_its_result_names_it()
    {
        var accepted = await PostAsync("v3/contacts/add", new JsonObject
        {
            ["contactListId"] = WooxySandbox.DefaultListId,
            ["contacts"] = new JsonArray(new JsonObject { ["email"] = "new@example.com", ["firstName"] = "New" }, new JsonObject { ["firstName"] = "Nameless" }),
        });
        var id = accepted["requestId"]!.GetValue<string>();
        var before = (await FindAsync(id))[id]!;
        clock.Advance(TimeSpan.FromSeconds(2));
        var after = (await FindAsync(id))[id]!;

        Assert.True(accepted["result"]!.GetValue<bool>());
        Assert.Equal(("pending", 0, 0), (before["status"]!.GetValue<string>(), before["results"]!["success"]!.AsArray().Count, before["results"]!["errors"]!.AsArray().Count));
        Assert.Equal("completed", after["status"]!.GetValue<string>());
        Assert.Equal("contacts/add", after["source"]!.GetValue<string>());
        Assert.Equal("new@example.com", Assert.Single(after["results"]!["success"]!.AsArray())!["email"]!.GetValue<string>());
        var error = Assert.Single(after["results"]!["errors"]!.AsArray())!;
        Assert.Equal("CONTACT_IDENTIFIER_REQUIRED", error["error"]!.GetValue<string>());
        Assert.Equal("New", sandbox.Contact(WooxySandbox.DefaultListId, "new@example.com")!["firstName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_processed_request_is_posted_to_its_webHookUri()
    {
        var listener = new WebhookListener();
        await using var listenerHost = await SandboxHost.StartAsync(listener, cancellationToken: Ct);
        var accepted = await PostAsync("v3/contacts/add", new JsonObject
        {
            ["contactListId"] = WooxySandbox.DefaultListId,
            ["webHookUri"] = new Uri(listenerHost.BaseUri, "wooxy/callback").ToString(),
            ["contacts"] = new JsonArray(new JsonObject { ["email"] = "called.back@example.com" }),
        });

        clock.Advance(TimeSpan.FromSeconds(2));
        var (path, body) = await listener.NextPostAsync(Ct);
        var posted = JsonNode.Parse(body)!;

        Assert.Equal("/wooxy/callback", path);
        Assert.Equal(accepted["requestId"]!.GetValue<string>(), posted["id"]!.GetValue<string>());
        Assert.Equal("completed", posted["status"]!.GetValue<string>());
        Assert.Equal("called.back@example.com", posted["results"]!["success"]![0]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stalled_request_stays_pending_however_long_until_released()
    {
        sandbox.Faults.StallRequests(1);
        var id = (await PostAsync("v3/contacts/add", new JsonObject { ["contactListId"] = WooxySandbox.DefaultListId, ["contacts"] = new JsonArray(new JsonObject { ["email"] = "late@example.com" }) }))["requestId"]!.GetValue<string>();

        clock.Advance(TimeSpan.FromHours(1));
        var stalled = (await FindAsync(id))[id]!["status"]!.GetValue<string>();
        sandbox.ReleaseStalledRequests();

        Assert.Equal("pending", stalled);
        Assert.Equal("completed", (await FindAsync(id))[id]!["status"]!.GetValue<string>());
        Assert.NotNull(sandbox.Contact(WooxySandbox.DefaultListId, "late@example.com"));
    }

    [Fact]
    public async Task An_update_without_upsert_of_an_unknown_contact_fails_and_with_upsert_adds_it()
    {
        var without = await SubmitAndProcessAsync("v3/contacts/update", new JsonObject { ["contactListId"] = WooxySandbox.DefaultListId, ["contacts"] = new JsonArray(new JsonObject { ["contact"] = "ghost@example.com", ["lastName"] = "Ghost" }) });
        var with = await SubmitAndProcessAsync("v3/contacts/update", new JsonObject { ["contactListId"] = WooxySandbox.DefaultListId, ["upsert"] = true, ["contacts"] = new JsonArray(new JsonObject { ["contact"] = "ghost@example.com", ["email"] = "ghost@example.com" }) });

        Assert.Equal("CONTACT_NOT_FOUND", without["results"]!["errors"]![0]!["error"]!.GetValue<string>());
        Assert.Equal("ghost@example.com", with["results"]!["success"]![0]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_removal_of_more_than_a_hundred_contacts_is_refused_and_a_smaller_one_removes_them()
    {
        var tooMany = await http!.PostAsJsonAsync("v3/contacts/remove", new JsonObject { ["contactListId"] = WooxySandbox.DefaultListId, ["emails"] = new JsonArray([.. Enumerable.Range(0, 101).Select(i => (JsonNode)$"x{i}@example.com")]) }, Ct);
        var seeded = sandbox.Identifiers(WooxySandbox.DefaultListId)[0];
        await SubmitAndProcessAsync("v3/contacts/remove", new JsonObject { ["contactListId"] = WooxySandbox.DefaultListId, ["emails"] = new JsonArray(seeded) });

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("Maximum count of records per transaction is 100, current 101", (await tooMany.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]![0]!.GetValue<string>());
        Assert.DoesNotContain(seeded, sandbox.Identifiers(WooxySandbox.DefaultListId));
    }

    [Fact]
    public async Task The_eleventh_request_in_flight_is_refused()
    {
        sandbox.Faults.SlowDelay = TimeSpan.FromMinutes(1);
        sandbox.Faults.SlowResponses(10);
        var held = Enumerable.Range(0, 10).Select(_ => http!.PostAsJsonAsync("v3/contact-list/get", new JsonObject { ["contactListId"] = WooxySandbox.DefaultListId }, Ct)).ToList();
        while (sandbox.MostConcurrentRequests < 10)
        {
            await Task.Yield();
        }

        var eleventh = await http!.PostAsJsonAsync("v3/contact-list/get", new JsonObject { ["contactListId"] = WooxySandbox.DefaultListId }, Ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        var answers = await Task.WhenAll(held);

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task The_Default_Contact_List_is_found_by_name_on_the_domain_with_its_variables()
    {
        var found = await PostAsync("v3/contact-list/find", new JsonObject { ["domain"] = sandbox.Options.Domain, ["contactListName"] = "Default Contact List" });
        var missing = await http!.PostAsJsonAsync("v3/contact-list/find", new JsonObject { ["contactListName"] = "Default Contact List" }, Ct);

        var list = Assert.Single(found["data"]!.AsArray())!;
        Assert.Equal(WooxySandbox.DefaultListId, list["contactListId"]!.GetValue<string>());
        Assert.Equal("1", list["isDefault"]!.GetValue<string>());
        Assert.Contains(list["customVariables"]!.AsArray(), v => v!["name"]!.GetValue<string>() == "companyName" && v["type"]!.GetValue<string>() == "string");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Theory]
    [InlineData("dealValue", "ENUM_STRING", null)]
    [InlineData("renewal2", "ENUM_STRING", "invalid name of variable renewal2")]
    [InlineData("email", "ENUM_STRING", "variable \"email\" is reserved and can not be added as custom variable")]
    [InlineData("score", "ENUM_NUMBER", "invalid variable type ENUM_NUMBER")]
    [InlineData("companyName", "ENUM_STRING", "Variable companyName already exists in list list-default")]
    public async Task A_list_variable_needs_a_latin_lower_camel_case_name_a_known_type_and_no_twin(string name, string type, string? error)
    {
        var answer = await http!.PostAsJsonAsync("v3/contact-list/variables/add", new JsonObject { ["contactListId"] = WooxySandbox.DefaultListId, ["variables"] = new JsonArray(new JsonObject { ["name"] = name, ["type"] = type }) }, Ct);
        var body = (await answer.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

        Assert.Equal(error is null, body["result"]!.GetValue<bool>());
        Assert.Equal(error, body["errors"]?[0]?.GetValue<string>());
        Assert.Equal(error is null, sandbox.CustomVariables(WooxySandbox.DefaultListId).ContainsKey(name) && name != "companyName");
        Assert.False(sandbox.CustomVariables(WooxySandbox.NewsletterListId).ContainsKey(name));
    }

    [Fact]
    public async Task A_request_without_the_access_token_is_refused_in_Wooxys_envelope()
    {
        using var anonymous = new HttpClient { BaseAddress = host!.BaseUri };
        var answer = await anonymous.PostAsJsonAsync("v3/contact-list/get", new JsonObject { ["contactListId"] = WooxySandbox.DefaultListId }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("""{"result":false,"errors":["Invalid authorization token!"]}""", await answer.Content.ReadAsStringAsync(Ct));
    }

    private async Task<JsonObject> SubmitAndProcessAsync(string path, JsonObject body)
    {
        var id = (await PostAsync(path, body))["requestId"]!.GetValue<string>();
        clock.Advance(TimeSpan.FromSeconds(2));
        return (JsonObject)(await FindAsync(id))[id]!;
    }

    private async Task<JsonObject> FindAsync(string id) => (JsonObject)(await PostAsync("v3/request/find", new JsonObject { ["ids"] = new JsonArray(id) }))["requests"]!;

    private async Task<JsonObject> PostAsync(string path, JsonObject body)
    {
        var answer = await http!.PostAsJsonAsync(path, body, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
