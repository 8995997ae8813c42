using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Operations;

/// <summary>
/// A real sync between the Pipedrive and Google sandboxes with OpenTelemetry's in-memory exporters listening: the
/// run is one trace with its phases and API calls, the metrics count it per connection and app, and no attribute
/// anywhere carries a contact's name or email.
/// </summary>
public sealed class TelemetryTests(TelemetryServer server) : IClassFixture<TelemetryServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task A_sync_is_one_trace_with_its_phases_and_api_calls_and_metrics_per_connection_and_app_without_contact_data()
    {
        using var user = await server.NewUserAsync();
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var id = (await user.PostAsync("api/v1/connections", new { name = "CRM into phone", accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        await CreatePipedrivePersonAsync("telemetry-newcomer@example.com", "Quentin Telemetry");

        (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);
        await Wait.UntilAsync(
            () => Task.FromResult(RunsOf(id).Count(r => r.GetTagItem("tandem.run.outcome") is "completed")),
            completed => completed > 0,
            Deadline,
            "a completed run of the connection in the exported traces");

        var run = RunsOf(id).First(r => r.GetTagItem("tandem.run.outcome") is "completed");
        var trace = server.Activities.Snapshot().Where(x => x.TraceId == run.TraceId).ToList();
        Assert.Equal(default, run.ParentSpanId);
        Assert.Equal(("pipedrive", "google-contacts"), (run.GetTagItem("tandem.app.a"), run.GetTagItem("tandem.app.b")));
        Assert.NotNull(run.GetTagItem("tandem.run.id"));
        var phases = trace.Where(x => x.Source.Name == "Tandem.Sync" && x.ParentSpanId == run.SpanId).Select(x => x.DisplayName).ToHashSet();
        Assert.Superset(new HashSet<string> { "collect", "match", "plan", "apply" }, phases);
        var calls = trace.Where(x => x.Source.Name == "Tandem.Connectors").ToList();
        Assert.Contains(calls, c => c.GetTagItem("tandem.app") is "pipedrive" && c.GetTagItem("http.request.method") is "GET");
        Assert.Contains(calls, c => c.GetTagItem("tandem.app") is "google-contacts");
        Assert.All(calls, c => Assert.Equal(ActivityKind.Client, c.Kind));
        Assert.All(calls, c => Assert.Equal(id, c.GetTagItem("tandem.connection.id")));
        var phaseIds = trace.Where(x => x.ParentSpanId == run.SpanId).Select(x => x.SpanId).Append(run.SpanId).ToHashSet();
        Assert.All(calls, c => Assert.Contains(c.ParentSpanId, phaseIds));
        Assert.Contains(calls, c => trace.Single(x => x.SpanId == c.ParentSpanId).DisplayName == "collect");

        server.Server.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var points = server.Metrics.Snapshot()
            .SelectMany(m => m.MetricPoints.Select(p => (m.Name, Tags: Tags(p))))
            .ToList();
        var ours = points.Where(p => p.Tags.GetValueOrDefault("tandem.connection.id") as string == id).ToList();
        Assert.Contains(ours, p => p.Name == "tandem.sync.runs.started" && p.Tags["tandem.app.a"] is "pipedrive" && p.Tags["tandem.app.b"] is "google-contacts");
        Assert.Contains(ours, p => p.Name == "tandem.sync.runs.completed" && p.Tags["tandem.run.outcome"] is "completed");
        Assert.Contains(ours, p => p.Name == "tandem.sync.run.duration");
        Assert.Contains(ours, p => p.Name == "tandem.sync.contacts.created" && p.Tags["tandem.app"] is "google-contacts" && p.Tags["tandem.sync.side"] is "b");
        Assert.Contains(ours, p => p.Name == "http.client.request.duration" && p.Tags["tandem.app"] is "pipedrive" && p.Tags.ContainsKey("http.response.status_code"));
        Assert.Contains(points, p => p.Name == "tandem.sync.queue.depth");
        Assert.Contains(ours, p => p.Name == "tandem.vendor.cost" && p.Tags["tandem.app"] is "pipedrive" && p.Tags["tandem.vendor.unit"] is "tokens");
        Assert.Contains(ours, p => p.Name == "tandem.vendor.cost" && p.Tags["tandem.app"] is "google-contacts" && p.Tags["tandem.vendor.unit"] is "requests");
        Assert.Contains(points, p => p.Name == "tandem.vendor.budget.left" && p.Tags["tandem.app"] is "pipedrive" && p.Tags.ContainsKey("tandem.account.id"));

        var values = trace.SelectMany(x => x.TagObjects.Select(t => t.Value?.ToString() ?? string.Empty))
            .Concat(trace.Select(x => x.DisplayName))
            .Concat(points.SelectMany(p => p.Tags.Values.Select(v => v?.ToString() ?? string.Empty)))
            .ToList();
        Assert.DoesNotContain(values, v => v.Contains('@', StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => v.Contains("Quentin", StringComparison.Ordinal) || v.Contains("Telemetry", StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => v.Contains('?', StringComparison.Ordinal));

        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        var scrape = await anonymous.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        Assert.Contains("tandem_sync_runs_started", scrape, StringComparison.Ordinal);
        Assert.Contains($"tandem_connection_id=\"{id}\"", scrape, StringComparison.Ordinal);
        Assert.DoesNotContain("telemetry-newcomer", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_deliveries_are_counted_by_result_and_an_accepted_ones_delay_until_its_run_is_measured()
    {
        using var user = await server.NewUserAsync();
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var id = (await user.PostAsync("api/v1/connections", new { name = "Hooked", accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);
        var hook = (await user.GetAsync($"api/v1/connections/{id}/webhooks")).Expect(HttpStatusCode.OK).AsArray().Single()!;

        var refused = await DeliverAsync(id, hook["username"]!.GetValue<string>(), "not-the-password");
        var accepted = await DeliverAsync(id, hook["username"]!.GetValue<string>(), hook["password"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NotFound, refused);
        Assert.True(accepted is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.NoContent, $"the delivery was answered {accepted}");
        var meters = server.Server.Services.GetRequiredService<MeterProvider>();
        var ours = await Wait.UntilAsync(
            () =>
            {
                meters.ForceFlush();
                return Task.FromResult(server.Metrics.Snapshot()
                    .SelectMany(m => m.MetricPoints.Select(p => (m.Name, Tags: Tags(p))))
                    .Where(p => p.Tags.GetValueOrDefault("tandem.connection.id") as string == id)
                    .ToList());
            },
            points => points.Any(p => p.Name == "tandem.webhook.delay"),
            Deadline,
            "the accepted delivery's run to be taken up");
        Assert.Contains(ours, p => p.Name == "tandem.webhook.deliveries" && p.Tags["tandem.app"] is "pipedrive" && p.Tags["tandem.webhook.result"] is "accepted");
        Assert.Contains(ours, p => p.Name == "tandem.webhook.deliveries" && p.Tags["tandem.app"] is "pipedrive" && p.Tags["tandem.webhook.result"] is "refused");
    }

    /// <summary>A Pipedrive delivery (a person changed) to the connection's hook with HTTP basic credentials; its status.</summary>
    private async Task<HttpStatusCode> DeliverAsync(string connectionId, string username, string password)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, $"hooks/pipedrive/{connectionId}"))
        {
            Content = new StringContent("""{"meta":{"action":"change","entity":"person","entity_id":"1","version":"2.0"},"data":{"id":1}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private List<Activity> RunsOf(string connectionId) =>
        server.Activities.Snapshot().Where(x => x.Source.Name == "Tandem.Sync" && x.DisplayName == "sync run" && x.GetTagItem("tandem.connection.id") as string == connectionId).ToList();

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

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
}
