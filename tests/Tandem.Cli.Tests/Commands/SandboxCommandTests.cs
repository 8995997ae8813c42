using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tandem.Apps;

namespace Tandem.Cli.Tests.Commands;

public sealed class SandboxCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sandbox_command_serves_every_app_with_the_printed_credentials_until_stopped()
    {
        var output = new SignallingWriter("Ctrl+C");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = CliApp.RunAsync(["sandbox"], output, TextWriter.Null, stop.Token);
        await output.Signalled.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var apps = Parse(output.ToString());

        Assert.Equal(AppCatalog.Create().Sandboxes.Select(a => a.App), apps.Keys);
        Assert.All(apps.Values, a => Assert.StartsWith("http://127.0.0.1:", a.BaseUrl.ToString(), StringComparison.Ordinal));
        using var http = new HttpClient();

        // Google: the printed refresh token gets an access token that lists contacts.
        var google = apps["google-contacts"];
        using var token = await http.PostAsync(new Uri(google.Settings["tokenUrl"]), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = google.Settings["refreshToken"],
            ["client_id"] = google.Settings["clientId"],
            ["client_secret"] = google.Settings["clientSecret"],
        }), Ct);
        var access = (await token.Content.ReadFromJsonAsync<JsonObject>(Ct))!["access_token"]!.GetValue<string>();
        using var contacts = new HttpRequestMessage(HttpMethod.Get, new Uri(google.BaseUrl, "v1/people/me/connections?personFields=names&pageSize=5"));
        contacts.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using var listed = await http.SendAsync(contacts, Ct);
        Assert.Equal(5, (await listed.Content.ReadFromJsonAsync<JsonObject>(Ct))!["connections"]!.AsArray().Count);

        // Pipedrive: the printed API token lists persons.
        var pipedrive = apps["pipedrive"];
        using var persons = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(pipedrive.Settings["baseUrl"]), "api/v2/persons?limit=3"));
        persons.Headers.Add("x-api-token", pipedrive.Settings["apiToken"]);
        using var personsAnswer = await http.SendAsync(persons, Ct);
        Assert.Equal(3, (await personsAnswer.Content.ReadFromJsonAsync<JsonObject>(Ct))!["data"]!.AsArray().Count);

        // Mailchimp: the printed API key (HTTP Basic, any user) reads the printed audience.
        var mailchimp = apps["mailchimp"];
        using var audience = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(mailchimp.Settings["baseUrl"]), "lists/" + mailchimp.Settings["audienceId"]));
        audience.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("any:" + mailchimp.Settings["apiKey"])));
        using var audienceAnswer = await http.SendAsync(audience, Ct);
        Assert.Equal(HttpStatusCode.OK, audienceAnswer.StatusCode);

        // Workbooks: the printed API key lists people (a User-Agent is mandatory).
        var workbooks = apps["workbooks"];
        using var people = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(workbooks.Settings["baseUrl"]), "crm/people.api?_start=0&_limit=3&api_key=" + Uri.EscapeDataString(workbooks.Settings["apiKey"])));
        people.Headers.UserAgent.ParseAdd("TandemTests/1.0");
        using var peopleAnswer = await http.SendAsync(people, Ct);
        Assert.Equal(3, (await peopleAnswer.Content.ReadFromJsonAsync<JsonObject>(Ct))!["data"]!.AsArray().Count);
        // Woodpecker: the printed API key (x-api-key) passes GET /rest/v1/me.
        var woodpecker = apps["woodpecker"];
        using var me = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(woodpecker.Settings["baseUrl"]), "rest/v1/me"));
        me.Headers.Add("x-api-key", woodpecker.Settings["apiKey"]);
        using var meAnswer = await http.SendAsync(me, Ct);
        Assert.Equal(HttpStatusCode.OK, meAnswer.StatusCode);
        // HubSpot: the printed private app token (Bearer) lists contacts.
        var hubspot = apps["hubspot"];
        using var hubspotContacts = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(hubspot.Settings["baseUrl"]), "crm/v3/objects/contacts?limit=4"));
        hubspotContacts.Headers.Authorization = new AuthenticationHeaderValue("Bearer", hubspot.Settings["accessToken"]);
        using var hubspotAnswer = await http.SendAsync(hubspotContacts, Ct);
        Assert.Equal(4, (await hubspotAnswer.Content.ReadFromJsonAsync<JsonObject>(Ct))!["results"]!.AsArray().Count);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(pipedrive.BaseUrl, Ct));
    }

    [Fact]
    public async Task An_unknown_app_is_refused_with_the_list_of_apps()
    {
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["sandbox", "--app", "salesforce"], TextWriter.Null, error, Ct);

        Assert.Equal(2, exit);
        Assert.Equal("tandem: No sandbox app 'salesforce'; there are google-contacts, pipedrive, mailchimp, pipeliner, workbooks, salesmate, woodpecker, wooxy, hubspot." + Environment.NewLine, error.ToString());
    }

    /// <summary>Each app's header line (<c>Title (app)  url</c>) and its indented <c>key  value</c> lines.</summary>
    private static Dictionary<string, (Uri BaseUrl, Dictionary<string, string> Settings)> Parse(string output)
    {
        var apps = new Dictionary<string, (Uri, Dictionary<string, string>)>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var line in output.Split(Environment.NewLine))
        {
            if (Regex.Match(line, @"^\S.* \((?<app>[a-z-]+)\)  (?<url>\S+)$") is { Success: true } header)
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                apps[header.Groups["app"].Value] = (new Uri(header.Groups["url"].Value), current);
            }
            else if (current is not null && Regex.Match(line, @"^  (?<key>\S+)\s+(?<value>\S+)$") is { Success: true } setting)
            {
                current[setting.Groups["key"].Value] = setting.Groups["value"].Value;
            }
        }

        return apps;
    }

    /// <summary>A string writer that completes <see cref="Signalled"/> once a written text contains a marker.</summary>
    private sealed class SignallingWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Signalled => signalled.Task;

        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override Task WriteLineAsync(string? value)
        {
            base.WriteLine(value);
            Check();
            return Task.CompletedTask;
        }

        private void Check()
        {
            if (ToString().Contains(marker, StringComparison.Ordinal))
            {
                signalled.TrySetResult();
            }
        }
    }
}
