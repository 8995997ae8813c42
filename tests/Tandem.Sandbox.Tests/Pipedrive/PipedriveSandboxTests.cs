using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Sandbox.Tests.Pipedrive;

/// <summary>The Pipedrive sandbox over HTTP: auth, envelope, cursor pagination, updated_since, CRUD, rate limits, faults.</summary>
public sealed class PipedriveSandboxTests : IAsyncLifetime
{
    private readonly PipedriveSandbox sandbox = new(new PipedriveSandboxOptions { SeedPersons = 120 });
    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private SandboxHost? host;
    private HttpClient? http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);
        http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-token", sandbox.Options.ApiToken);
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
    public async Task A_request_without_a_token_gets_Pipedrives_401_body()
    {
        using var anonymous = new HttpClient { BaseAddress = host!.BaseUri };
        using var response = await anonymous.GetAsync(new Uri("api/v2/persons", UriKind.Relative), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(body!["success"]!.GetValue<bool>());
        Assert.Equal("unauthorized access", body["error"]!.GetValue<string>());

        using var byQuery = await anonymous.GetAsync(new Uri("api/v2/persons/1?api_token=" + sandbox.Options.ApiToken, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
    }

    [Fact]
    public async Task Cursor_pagination_lists_every_person_once()
    {
        var ids = new List<int>();
        string? cursor = null;
        do
        {
            var page = await GetAsync("api/v2/persons?limit=50&sort_by=update_time" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            ids.AddRange(page["data"]!.AsArray().Select(p => p!["id"]!.GetValue<int>()));
            cursor = page["additional_data"]!["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(120, ids.Distinct().Count());
        Assert.Equal(120, ids.Count);
    }

    [Fact]
    public async Task Create_patch_updated_since_and_delete_behave_like_Pipedrive()
    {
        var key = PipedriveSandbox.CustomFieldKey("Budget");
        using var created = await http!.PostAsJsonAsync(new Uri("api/v2/persons", UriKind.Relative), new JsonObject
        {
            ["name"] = "Test Person",
            ["emails"] = new JsonArray(new JsonObject { ["value"] = "t@example.com", ["primary"] = true, ["label"] = "work" }),
            ["custom_fields"] = new JsonObject { [key] = new JsonObject { ["value"] = 10, ["currency"] = "EUR" } },
        }, Ct);
        var person = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["data"]!;
        var id = person["id"]!.GetValue<int>();
        var since = person["update_time"]!.GetValue<string>();

        var changed = await GetAsync("api/v2/persons?updated_since=" + since);
        using var deleted = await http!.DeleteAsync(new Uri("api/v2/persons/" + id, UriKind.Relative), Ct);
        using var gone = await http!.GetAsync(new Uri("api/v2/persons/" + id, UriKind.Relative), Ct);
        var recents = await GetAsync("api/v1/recents?items=person&since_timestamp=" + Uri.EscapeDataString(since.Replace('T', ' ').TrimEnd('Z')));

        Assert.Equal("Test", person["first_name"]!.GetValue<string>());
        Assert.Contains(changed["data"]!.AsArray(), p => p!["id"]!.GetValue<int>() == id);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains(recents["data"]!.AsArray(), r => r!["id"]!.GetValue<int>() == id && !r["data"]!["active_flag"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_rate_limit_storm_answers_429_with_the_ratelimit_headers()
    {
        sandbox.Faults.RateLimitStorm(1);
        using var limited = await http!.GetAsync(new Uri("api/v1/personFields", UriKind.Relative), Ct);
        using var fine = await http!.GetAsync(new Uri("api/v1/personFields", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("0", limited.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.True(limited.Headers.Contains("x-ratelimit-reset"));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        var fields = (await fine.Content.ReadFromJsonAsync<JsonObject>(Ct))!["data"]!.AsArray();
        Assert.Contains(fields, f => f!["field_type"]!.GetValue<string>() == "daterange" && f["key"]!.GetValue<string>().Length == 40);
    }

    private async Task<JsonObject> GetAsync(string path)
    {
        using var response = await http!.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
