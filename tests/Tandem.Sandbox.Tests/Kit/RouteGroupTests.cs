using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Tandem.Sandbox.Tests.Kit;

/// <summary>A kit sandbox's paths are minimal-API endpoints: mapped on its host, and served the same through <see cref="ISandboxApp.HandleAsync"/>.</summary>
public sealed class RouteGroupTests : IAsyncLifetime
{
    private readonly NotesSandbox sandbox = new(new FakeTimeProvider());
    private SandboxHost? host;
    private HttpClient? http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        sandbox.Notes["n1"] = "hello";
        host = await SandboxHost.StartAsync(sandbox, cancellationToken: Ct);
        http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Add("x-token", NotesSandbox.Token);
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
    public async Task A_path_of_the_group_reaches_its_endpoint_with_the_route_values()
    {
        var note = await http!.GetFromJsonAsync<JsonObject>(new Uri("api/notes/n1", UriKind.Relative), Ct);

        Assert.Equal("n1", note!["id"]!.GetValue<string>());
        Assert.Equal("hello", note["text"]!.GetValue<string>());
        Assert.Equal(1, sandbox.Pipeline.Calls);
    }

    [Fact]
    public async Task An_async_write_endpoint_answers_its_body()
    {
        using var put = await http!.PutAsJsonAsync(new Uri("api/notes/n2", UriKind.Relative), new JsonObject { ["text"] = "new" }, Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("new", (await put.Content.ReadFromJsonAsync<JsonObject>(Ct))!["text"]!.GetValue<string>());
        Assert.Equal("new", sandbox.Notes["n2"]);
    }

    [Fact]
    public async Task An_unknown_path_or_method_under_the_group_gets_the_vendors_404_through_the_pipeline()
    {
        using var unknown = await http!.GetAsync(new Uri("api/nothing/here", UriKind.Relative), Ct);
        using var wrongMethod = await http.DeleteAsync(new Uri("api/notes/n1", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("no such note", (await unknown.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, wrongMethod.StatusCode);
        Assert.Equal(2, sandbox.Pipeline.Calls);
    }

    [Fact]
    public async Task A_path_outside_every_group_gets_the_apps_catch_all_and_is_no_API_call()
    {
        using var outside = await http!.GetAsync(new Uri("elsewhere", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal("not an API path", (await outside.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!.GetValue<string>());
        Assert.Equal(0, sandbox.Pipeline.Calls);
    }

    [Fact]
    public async Task HandleAsync_serves_the_same_endpoints_without_a_host()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/notes/n1";
        context.Request.Headers["x-token"] = NotesSandbox.Token;
        using var body = new MemoryStream();
        context.Response.Body = body;

        await sandbox.HandleAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("hello", JsonNode.Parse(body.ToArray())!["text"]!.GetValue<string>());
    }
}
