using System.Net;
using System.Text.Json.Nodes;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Flow;

/// <summary>
/// The seed's example pair on the real server: a sandbox Workbooks account (its demo API key) and sandbox Google
/// Contacts, a two-way connection, and Workbooks' people arriving in Google, read through Google's own API. A class of
/// its own: it owns its sandboxes' contents.
/// </summary>
public sealed class WorkbooksFlowTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Workbooks_people_reach_google_contacts_after_start_and_google_contacts_reach_workbooks()
    {
        using var user = await server.NewUserAsync();
        var reader = new SandboxReader(server.Server);
        var a = (await user.PostAsync("api/v1/accounts", new { app = "workbooks", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var id = (await user.PostAsync("api/v1/connections", new { name = "CRM and phone", accountA = a, accountB = b, direction = "TwoWay", options = new { syncDeletions = true } })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var people = await WorkbooksEmailsAsync();

        (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);
        var synced = await Wait.UntilAsync(
            async () => (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK),
            c => c["state"]!.GetValue<string>() == "Active" && c["lastRunAt"] is not null && c["inSync"]!.GetValue<int>() > 0,
            Deadline,
            "the first sync to finish");

        var google = (await reader.GoogleEmailsAsync()).ToHashSet(StringComparer.Ordinal);
        var workbooks = (await WorkbooksEmailsAsync()).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(people);
        Assert.All(people, email => Assert.Contains(email, google));
        Assert.True(workbooks.Count > people.Count, "Google's demo contacts should have been created in Workbooks.");
        Assert.Equal("Workbooks", synced["a"]!["appName"]!.GetValue<string>());
    }

    /// <summary>The main email of every live Workbooks person, through the sandbox's own API (pages of 100).</summary>
    private async Task<IReadOnlyList<string>> WorkbooksEmailsAsync()
    {
        var sandbox = server.Server.Sandbox.Find("workbooks")!;
        using var http = new HttpClient { BaseAddress = sandbox.Host.BaseUri };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("TandemWebTests/1.0");
        var emails = new List<string>();
        for (var start = 0; ; start += 100)
        {
            var page = JsonNode.Parse(await http.GetStringAsync($"crm/people.api?_start={start}&_limit=100&_sort=id&_dir=ASC&api_key={Uri.EscapeDataString(sandbox.Values["apiKey"])}"))!["data"]!.AsArray();
            emails.AddRange(page.Select(p => p!["main_location[email]"]?.GetValue<string>()).OfType<string>().Where(e => e.Length > 0).Select(e => e.ToLowerInvariant()));
            if (page.Count < 100)
            {
                return emails;
            }
        }
    }
}
