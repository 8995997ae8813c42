using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipeliner;

namespace Tandem.Sandbox.Tests.Pipeliner;

/// <summary>The Pipeliner sandbox over HTTP: Basic auth, cursor paging, the modified filter with deleted rows, batch-modify's rollback methods, the 422 body.</summary>
public sealed class PipelinerSandboxTests : IAsyncLifetime
{
    private const string Contacts = "api/v100/rest/spaces/sandbox-space/entities/Contacts";

    private readonly PipelinerSandbox sandbox = new(new PipelinerSandboxOptions { SeedContacts = 120 });
    private readonly OpenApiValidator validator = PipelinerOpenApi.CreateValidator();
    private SandboxHost? host;
    private HttpClient? http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);
        http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sandbox.Options.ApiToken + ":" + sandbox.Options.ApiPassword)));
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
    public async Task A_request_with_a_wrong_password_is_refused_with_401()
    {
        using var stranger = new HttpClient { BaseAddress = host!.BaseUri };
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sandbox.Options.ApiToken + ":wrong")));

        using var response = await stranger.GetAsync(new Uri(Contacts + "?first=10", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Cursor_paging_lists_every_contact_once()
    {
        var ids = new List<string>();
        string? after = null;
        bool more;
        do
        {
            var page = await GetAsync(Contacts + "?first=50&order-by=modified" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after)));
            ids.AddRange(page["data"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
            more = page["page_info"]!["has_next_page"]!.GetValue<bool>();
            after = page["page_info"]!["end_cursor"]?.GetValue<string>();
        }
        while (more);

        Assert.Equal(120, ids.Distinct().Count());
        Assert.Equal(120, ids.Count);
    }

    [Fact]
    public async Task A_deleted_contact_shows_in_the_modified_filter_only_with_include_deleted()
    {
        var id = sandbox.ContactIds()[5];
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-1).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00:00'", System.Globalization.CultureInfo.InvariantCulture));
        sandbox.DeleteContact(id);

        var withDeleted = await GetAsync($"{Contacts}?first=100&order-by=modified&include-deleted=true&filter[modified]={since}&filter-op[modified]=gte");
        var without = await GetAsync($"{Contacts}?first=100&order-by=modified&filter[modified]={since}&filter-op[modified]=gte");

        var row = Assert.Single(withDeleted["data"]!.AsArray());
        Assert.Equal(id, row!["id"]!.GetValue<string>());
        Assert.True(row["is_deleted"]!.GetValue<bool>());
        Assert.Empty(without["data"]!.AsArray());
    }

    [Fact]
    public async Task Batch_modify_saves_nothing_with_rollback_0_and_the_valid_objects_with_rollback_1()
    {
        var owner = PipelinerSandbox.Clients[0].Id;
        JsonArray Batch() => [new JsonObject { ["last_name"] = "Valid", ["owner_id"] = owner }, new JsonObject { ["first_name"] = "No last name", ["owner_id"] = owner }];

        using var all = await http!.PostAsJsonAsync(new Uri(Contacts + "/batch-modify?rollback-method=0", UriKind.Relative), Batch(), Ct);
        var refusal = await all.Content.ReadFromJsonAsync<JsonObject>(Ct);
        var countAfterRefusal = sandbox.ContactCount;
        using var some = await http!.PostAsJsonAsync(new Uri(Contacts + "/batch-modify?rollback-method=1", UriKind.Relative), Batch(), Ct);
        var saved = (await some.Content.ReadFromJsonAsync<JsonObject>(Ct))!["data"]!.AsArray();

        Assert.Equal((HttpStatusCode)422, all.StatusCode);
        Assert.Equal("ERROR_ENTITY_VALIDATION", refusal!["name"]!.GetValue<string>());
        Assert.Equal(1, refusal["entity_index"]!.GetValue<int>());
        Assert.Equal("last_name", refusal["field_errors"]![0]!["field_name"]!.GetValue<string>());
        Assert.Equal(120, countAfterRefusal);
        Assert.Equal(HttpStatusCode.OK, some.StatusCode);
        Assert.Equal("Valid", saved[0]!["last_name"]!.GetValue<string>());
        Assert.False(saved[1]!["success"]!.GetValue<bool>());
        Assert.Equal(121, sandbox.ContactCount);
    }

    [Fact]
    public async Task An_update_counts_up_the_revision_and_an_unknown_relation_is_refused_with_the_field_named()
    {
        var id = sandbox.ContactIds()[0];
        var before = sandbox.Contact(id)!["revision"]!.GetValue<int>();

        using var updated = await http!.PostAsJsonAsync(new Uri(Contacts + "/batch-modify", UriKind.Relative), new JsonArray(new JsonObject { ["id"] = id, ["position"] = "CEO" }), Ct);
        using var refused = await http!.PostAsJsonAsync(new Uri(Contacts + "/batch-modify", UriKind.Relative), new JsonArray(new JsonObject { ["id"] = id, ["owner_id"] = "nobody" }), Ct);
        var error = await refused.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(before + 1, sandbox.Contact(id)!["revision"]!.GetValue<int>());
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Equal("owner_id", error!["field_errors"]![0]!["field_name"]!.GetValue<string>());
        Assert.Equal("CEO", sandbox.Contact(id)!["position"]!.GetValue<string>());
    }

    private async Task<JsonObject> GetAsync(string path)
    {
        using var response = await http!.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
