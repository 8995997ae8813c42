using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Sandbox;
using Tandem.Sandbox.Salesmate;

namespace Tandem.Sandbox.Tests.Salesmate;

/// <summary>The Salesmate sandbox over HTTP: the v4 headers, the envelope's HTTP-200 failures, required fields, searches, faults.</summary>
public sealed class SalesmateSandboxTests : IAsyncLifetime
{
    private readonly SalesmateSandbox sandbox = new(new SalesmateSandboxOptions { SeedContacts = 60 });
    private SandboxHost? host;
    private HttpClient? http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, Ct);
        http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Add("accessToken", sandbox.Options.SessionKey);
        http.DefaultRequestHeaders.Add("x-linkname", sandbox.Options.LinkHost);
    }

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_request_needs_the_access_token_and_the_link_name_of_the_account()
    {
        using var other = new HttpClient { BaseAddress = host!.BaseUri };
        other.DefaultRequestHeaders.Add("accessToken", sandbox.Options.SessionKey);
        other.DefaultRequestHeaders.Add("x-linkname", "someone-else.salesmate.io");

        using var response = await other.GetAsync(new Uri("apis/contact/v4/101", UriKind.Relative), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("failure", body!["Status"]!.GetValue<string>());
        Assert.Equal("Unauthorized", body["Error"]!["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_contact_is_an_object_not_found_failure_with_http_200()
    {
        using var response = await http!.GetAsync(new Uri("apis/contact/v4/99999", UriKind.Relative), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("failure", body!["Status"]!.GetValue<string>());
        Assert.Equal(("4005", "ObjectNotFound"), (body["Error"]!["Code"]!.GetValue<string>(), body["Error"]!["Name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_create_without_last_name_or_owner_is_refused_and_adds_nothing()
    {
        var before = sandbox.ContactCount;

        var noLastName = await PostAsync("apis/contact/v4", new JsonObject { ["firstName"] = "Ann", ["owner"] = 1 });
        var noOwner = await PostAsync("apis/contact/v4", new JsonObject { ["lastName"] = "Ann" });
        var created = await PostAsync("apis/contact/v4", new JsonObject { ["lastName"] = "Ann", ["owner"] = 2, ["tags"] = "VIP" });

        Assert.Equal("Last Name is required.", noLastName["Error"]!["Message"]!.GetValue<string>());
        Assert.Equal("Owner is required.", noOwner["Error"]!["Message"]!.GetValue<string>());
        var id = created["Data"]!["id"]!.GetValue<int>();
        Assert.Equal(before + 1, sandbox.ContactCount);
        Assert.Equal("Olivia Owner", sandbox.Contact(id)!["owner"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_changes_only_the_fields_it_names_and_moves_last_modified_at()
    {
        var id = sandbox.ContactIds()[0];
        var before = sandbox.Contact(id)!;

        using var response = await http!.PutAsJsonAsync(new Uri($"apis/contact/v4/{id}", UriKind.Relative), new JsonObject { ["designation"] = "Chief Buyer" }, Ct);
        var after = sandbox.Contact(id)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Chief Buyer", after["designation"]!.GetValue<string>());
        Assert.Equal(before["email"]!.GetValue<string>(), after["email"]!.GetValue<string>());
        Assert.True(string.CompareOrdinal(after["lastModifiedAt"]!.GetValue<string>(), before["lastModifiedAt"]!.GetValue<string>()) > 0);
    }

    [Fact]
    public async Task A_search_pages_by_offset_sorts_on_last_modified_and_filters_with_is_after()
    {
        var ids = sandbox.ContactIds();
        sandbox.EditContact(ids[5], new JsonObject { ["description"] = "first" });
        var since = sandbox.Contact(ids[5])!["lastModifiedAt"]!.GetValue<string>();
        sandbox.EditContact(ids[2], new JsonObject { ["description"] = "second" });
        sandbox.EditContact(ids[9], new JsonObject { ["description"] = "third" });
        var search = new JsonObject
        {
            ["displayingFields"] = new JsonArray("contact.lastModifiedAt", "contact.description"),
            ["filterQuery"] = new JsonObject { ["group"] = new JsonObject { ["operator"] = "AND", ["rules"] = new JsonArray(new JsonObject { ["moduleName"] = "Contact", ["field"] = new JsonObject { ["fieldName"] = "lastModifiedAt" }, ["condition"] = "IS_AFTER", ["data"] = since }) } },
            ["sort"] = new JsonObject { ["fieldName"] = "lastModifiedAt", ["order"] = "asc" },
            ["getRecordsCount"] = true,
        };

        var first = await PostAsync("apis/contact/v4/search?rows=1&from=0", search);
        var second = await PostAsync("apis/contact/v4/search?rows=1&from=1", search);

        Assert.Equal(2, first["Data"]!["totalRows"]!.GetValue<int>());
        Assert.Equal(ids[2], first["Data"]!["data"]![0]!["id"]!.GetValue<int>());
        Assert.Equal("third", second["Data"]!["data"]![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_search_of_more_than_250_rows_or_on_an_unsortable_field_is_refused()
    {
        var search = new JsonObject { ["displayingFields"] = new JsonArray("contact.email") };
        var tooMany = await PostAsync("apis/contact/v4/search?rows=251&from=0", search);
        search["sort"] = new JsonObject { ["fieldName"] = "email", ["order"] = "asc" };
        var unsortable = await PostAsync("apis/contact/v4/search?rows=10&from=0", search);

        Assert.Equal("rows must be between 1 and 250.", tooMany["Error"]!["Message"]!.GetValue<string>());
        Assert.StartsWith("Sorting is only possible on id, createdAt", unsortable["Error"]!["Message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_answer_fault_passes_searches_by_and_takes_the_next_write()
    {
        sandbox.Faults.LoseResponses(1);
        var before = sandbox.ContactCount;

        var search = await PostAsync("apis/contact/v4/search?rows=5&from=0", new JsonObject { ["displayingFields"] = new JsonArray("contact.email") });
        await Assert.ThrowsAsync<HttpRequestException>(() => http!.PostAsJsonAsync(new Uri("apis/contact/v4", UriKind.Relative), new JsonObject { ["lastName"] = "Lost", ["owner"] = 1 }, Ct));

        Assert.Equal(5, search["Data"]!["data"]!.AsArray().Count);
        Assert.Equal(before + 1, sandbox.ContactCount);
    }

    private async Task<JsonObject> PostAsync(string path, JsonObject body)
    {
        using var response = await http!.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
