using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Sandbox;
using Tandem.Sandbox.Workbooks;

namespace Tandem.Sandbox.Tests.Workbooks;

/// <summary>
/// The Workbooks sandbox over HTTP, as the client library README describes the wire: the User-Agent rule, API key and
/// login, filters with <c>_fm</c> expressions, hidden soft deletes, square-array writes (atomic or per object), locking.
/// </summary>
public sealed class WorkbooksSandboxTests : IAsyncLifetime
{
    private readonly WorkbooksSandbox sandbox = new(new WorkbooksSandboxOptions { SeedPeople = 30 });
    private SandboxHost? host;
    private HttpClient? http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, cancellationToken: Ct);
        http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("SandboxTests/1.0");
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
    public async Task A_request_without_a_User_Agent_is_refused_with_user_agent_required()
    {
        using var bare = new HttpClient { BaseAddress = host!.BaseUri };
        using var answer = await bare.GetAsync(new Uri("crm/people.api?api_key=" + sandbox.Options.ApiKey, UriKind.Relative), Ct);
        var body = await answer.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("user_agent_required", body!["failure_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_without_the_API_key_is_refused_and_a_tunnelled_GET_reads()
    {
        using var refused = await http!.GetAsync(new Uri("crm/people.api", UriKind.Relative), Ct);
        var listed = await SendAsync(["_method=GET", "_start=0", "_limit=5", "__skip_total_rows=true"]);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(listed["success"]!.GetValue<bool>());
        Assert.Equal(5, listed["data"]!.AsArray().Count);
        Assert.Equal(5, listed["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_boolean_filter_expression_selects_as_the_README_describes_and_deleted_people_stay_hidden_unless_asked_for()
    {
        var ids = sandbox.PersonIds();
        sandbox.DeletePerson(ids[1]);

        var picked = await SendAsync(["_method=GET", "_fm=" + Uri.EscapeDataString("(1 OR 2) AND NOT 3"), Filter("id", "eq", ids[0]), Filter("id", "eq", ids[1]), Filter("id", "eq", ids[2])]);
        var withDeleted = await SendAsync(["_method=GET", "_fm=" + Uri.EscapeDataString("1 AND (2 OR 3)"), Filter("id", "eq", $"{ids[0]},{ids[1]}"), "_ff[]=is_deleted&_ft[]=true&_fc[]=", "_ff[]=is_deleted&_ft[]=false&_fc[]="]);

        Assert.Equal([ids[0]], picked["data"]!.AsArray().Select(p => p!["id"]!.GetValue<int>()));
        Assert.Equal([ids[0], ids[1]], withDeleted["data"]!.AsArray().Select(p => p!["id"]!.GetValue<int>()));
        Assert.True(withDeleted["data"]![1]!["is_deleted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Without_per_object_transactions_one_refused_object_saves_none_and_with_them_the_others_are_saved()
    {
        string[] two = ["_method=PUT", "_fm=or", Filter("id", "eq", 0), "__method[]=POST&id[]=0&lock_version[]=0&person_last_name[]=Good&main_location[email][]=good@example.com", "__method[]=POST&id[]=0&lock_version[]=0&person_last_name[]=Bad&main_location[email][]=bad"];

        var atomic = await SendAsync(two);
        var before = sandbox.PersonCount;
        var perObject = await SendAsync([.. two, "_per_object_transactions=true"]);

        Assert.False(atomic["success"]!.GetValue<bool>());
        Assert.Equal("Main email 'bad' is not a valid email address", atomic["affected_object_errors"]![1]!["main_location[email]"]![0]!.GetValue<string>());
        Assert.Equal(30, before);
        Assert.False(perObject["success"]!.GetValue<bool>());
        Assert.True(perObject["affected_object_information"]![0]!["success"]!.GetValue<bool>());
        Assert.False(perObject["affected_object_information"]![1]!["success"]!.GetValue<bool>());
        Assert.Equal(31, sandbox.PersonCount);
    }

    [Fact]
    public async Task An_update_with_an_old_lock_version_fails_as_updated_elsewhere_and_a_ragged_array_is_not_acceptable()
    {
        var id = sandbox.PersonIds()[0];
        sandbox.EditPerson(id, new JsonObject { ["person_job_title"] = "Moved on" });

        var stale = await SendAsync(["_method=PUT", Filter("id", "eq", id), $"__method[]=PUT&id[]={id}&lock_version[]=0&person_job_title[]=Stale"]);
        using var ragged = await PostAsync(["_method=PUT", Filter("id", "eq", id), $"__method[]=PUT&id[]={id}&lock_version[]=1&person_job_title[]=A&person_job_title[]=B"]);

        Assert.Equal("This record cannot be saved since it has already been updated elsewhere.", stale["affected_object_information"]![0]!["errors"]!["base"]![0]!.GetValue<string>());
        Assert.Equal("Moved on", sandbox.Person(id)!["person_job_title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotAcceptable, ragged.StatusCode);
    }

    [Fact]
    public async Task A_login_answers_the_session_cookie_and_token_and_writes_without_the_token_are_refused()
    {
        using var login = await http!.PostAsync(new Uri("login.api", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = sandbox.Options.Username, ["password"] = sandbox.Options.Password, ["client"] = "api", ["api_version"] = "1",
        }), Ct);
        var session = (await login.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var cookie = "Workbooks-Session=" + session["session_id"]!.GetValue<string>();

        using var read = new HttpRequestMessage(HttpMethod.Get, new Uri("crm/people.api?_start=0&_limit=2", UriKind.Relative));
        read.Headers.Add("Cookie", cookie);
        using var readAnswer = await http.SendAsync(read, Ct);
        using var write = new HttpRequestMessage(HttpMethod.Put, new Uri("crm/people.api", UriKind.Relative)) { Content = new StringContent("__method[]=POST&id[]=0&lock_version[]=0&person_last_name[]=X", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        write.Headers.Add("Cookie", cookie);
        using var writeAnswer = await http.SendAsync(write, Ct);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(cookie, StringComparison.Ordinal));
        Assert.Equal(40, session["authenticity_token"]!.GetValue<string>().Length);
        Assert.Equal(HttpStatusCode.OK, readAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writeAnswer.StatusCode);
    }

    [Fact]
    public async Task The_rate_limit_switch_redirects_to_the_request_itself()
    {
        sandbox.Faults.RateLimitStorm(1);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host!.BaseUri };
        noRedirects.DefaultRequestHeaders.UserAgent.ParseAdd("SandboxTests/1.0");

        using var answer = await noRedirects.GetAsync(new Uri("crm/people.api?_start=0&api_key=" + sandbox.Options.ApiKey, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        Assert.Equal("/crm/people.api?_start=0&api_key=" + sandbox.Options.ApiKey, answer.Headers.Location!.ToString());
    }

    private static string Filter(string field, string type, object criterion) => $"_ff[]={field}&_ft[]={type}&_fc[]={Uri.EscapeDataString(criterion.ToString()!)}";

    private async Task<JsonObject> SendAsync(string[] parameters)
    {
        using var answer = await PostAsync(parameters);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private Task<HttpResponseMessage> PostAsync(string[] parameters) =>
        http!.PostAsync(
            new Uri("crm/people.api", UriKind.Relative),
            new StringContent(string.Join('&', parameters.Append("api_key=" + sandbox.Options.ApiKey)), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
            Ct);
}
