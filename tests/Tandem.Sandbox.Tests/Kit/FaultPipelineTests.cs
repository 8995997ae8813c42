using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Tandem.Sandbox.Tests.Kit;

/// <summary>Every switch of the one fault pipeline, answered in the vendor's own shape (here the notes sandbox's).</summary>
public sealed class FaultPipelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly NotesSandbox sandbox;
    private SandboxHost? host;
    private HttpClient? http;

    public FaultPipelineTests()
    {
        sandbox = new NotesSandbox(clock, maxConcurrentRequests: 2);
        sandbox.Notes["n1"] = "hello";
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
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
    public async Task Every_request_to_the_API_is_counted_whatever_its_answer()
    {
        sandbox.Faults.ServerErrors(1);
        using var failed = await GetNoteAsync();
        using var ok = await GetNoteAsync();
        using var stranger = new HttpClient { BaseAddress = host!.BaseUri };
        using var refused = await stranger.GetAsync(new Uri("api/notes/n1", UriKind.Relative), Ct);

        Assert.Equal(3, sandbox.Pipeline.Calls);
    }

    [Fact]
    public async Task A_caller_without_credentials_gets_the_vendors_401()
    {
        using var stranger = new HttpClient { BaseAddress = host!.BaseUri };
        using var refused = await stranger.GetAsync(new Uri("api/notes/n1", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("who are you?", await ErrorAsync(refused));
    }

    [Fact]
    public async Task A_storm_refuses_that_many_requests_with_the_vendors_429_headers_and_body_then_wears_off()
    {
        sandbox.Faults.RateLimitStorm(2);
        using var first = await GetNoteAsync();
        using var second = await GetNoteAsync();
        using var third = await GetNoteAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal("7", first.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/vnd.notes.error+json", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("slow down", await ErrorAsync(first));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Server_errors_answer_the_chosen_status_with_the_vendors_body_and_change_nothing()
    {
        sandbox.Faults.ServerErrorStatus = 502;
        sandbox.Faults.ServerErrors(1);
        using var failed = await http!.PutAsJsonAsync(new Uri("api/notes/n1", UriKind.Relative), new JsonObject { ["text"] = "lost?" }, Ct);

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal("broken", await ErrorAsync(failed));
        Assert.Equal("hello", sandbox.Notes["n1"]);
    }

    [Fact]
    public async Task A_lost_answer_makes_the_write_and_drops_the_connection()
    {
        sandbox.Faults.LoseResponses(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => http!.PutAsJsonAsync(new Uri("api/notes/n1", UriKind.Relative), new JsonObject { ["text"] = "written" }, Ct));

        Assert.Equal("written", sandbox.Notes["n1"]);
    }

    [Fact]
    public async Task A_read_is_never_lost_and_the_switch_waits_for_the_next_write()
    {
        sandbox.Faults.LoseResponses(1);
        using var read = await GetNoteAsync();

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => http!.PutAsJsonAsync(new Uri("api/notes/n1", UriKind.Relative), new JsonObject { ["text"] = "x" }, Ct));
    }

    [Fact]
    public async Task A_dropped_connection_does_nothing_at_all()
    {
        sandbox.Faults.DropConnections(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => http!.PutAsJsonAsync(new Uri("api/notes/n1", UriKind.Relative), new JsonObject { ["text"] = "dropped" }, Ct));

        Assert.Equal("hello", sandbox.Notes["n1"]);
    }

    [Fact]
    public async Task A_slow_answer_waits_on_the_sandboxs_clock()
    {
        sandbox.Faults.SlowDelay = TimeSpan.FromSeconds(30);
        sandbox.Faults.SlowResponses(1);
        var slow = GetNoteAsync();
        Assert.True(SpinWait.SpinUntil(() => sandbox.Pipeline.Held == 1, Patience), "the request should be held");

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(slow.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var answer = await slow.WaitAsync(Patience, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task Past_the_simultaneous_request_limit_the_next_request_gets_the_vendors_429()
    {
        sandbox.Faults.SlowDelay = TimeSpan.FromSeconds(30);
        sandbox.Faults.SlowResponses(2);
        var held = new[] { GetNoteAsync(), GetNoteAsync() };
        Assert.True(SpinWait.SpinUntil(() => sandbox.Pipeline.Held == 2, Patience), "two requests should be held");

        using var third = await GetNoteAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        var answers = await Task.WhenAll(held).WaitAsync(Patience, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("slow down", await ErrorAsync(third));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(0, sandbox.Pipeline.InFlight);
        answers.ToList().ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task A_stale_version_is_taken_by_the_endpoint_that_knows_the_version()
    {
        sandbox.Faults.StaleVersions(1);
        using var stale = await http!.PutAsJsonAsync(new Uri("api/notes/n1", UriKind.Relative), new JsonObject { ["text"] = "mine" }, Ct);
        using var fresh = await http!.PutAsJsonAsync(new Uri("api/notes/n1", UriKind.Relative), new JsonObject { ["text"] = "mine" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("mine", sandbox.Notes["n1"]);
    }

    [Fact]
    public async Task The_switches_can_be_set_over_HTTP_and_reset()
    {
        using var set = await PostSwitchesAsync("""{"serverErrors":5,"serverErrorStatus":500}""");
        using var failed = await GetNoteAsync();
        using var reset = await PostSwitchesAsync("""{"reset":true}""");
        using var ok = await GetNoteAsync();
        using var nonsense = await PostSwitchesAsync("[1,");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!.GetValue<string>();

    private Task<HttpResponseMessage> GetNoteAsync() => http!.GetAsync(new Uri("api/notes/n1", UriKind.Relative), Ct);

    private async Task<HttpResponseMessage> PostSwitchesAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http!.PostAsync(new Uri("_sandbox/faults", UriKind.Relative), content, Ct);
    }
}
