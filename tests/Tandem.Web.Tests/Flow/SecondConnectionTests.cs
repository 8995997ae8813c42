using System.Net;
using System.Text.Json.Nodes;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Flow;

/// <summary>
/// The issue's own case: a second two-way Pipedrive ↔ Google Contacts connection over the same sandbox data, after
/// a first one synced it, creates no person and no contact. A class of its own: it owns its sandboxes' contents.
/// </summary>
public sealed class SecondConnectionTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task A_second_connection_over_the_same_pipedrive_and_google_data_creates_nobody()
    {
        using var user = await server.NewUserAsync();
        var reader = new SandboxReader(server.Server);
        await SyncOnceAsync(user, "first");
        var persons = (await reader.PipedriveEmailsAsync()).Count;
        var contacts = (await reader.GoogleEmailsAsync()).Count;

        var second = await SyncOnceAsync(user, "second");

        Assert.Equal(persons, (await reader.PipedriveEmailsAsync()).Count);
        Assert.Equal(contacts, (await reader.GoogleEmailsAsync()).Count);
        var activity = (await user.GetAsync($"api/v1/connections/{second["id"]!.GetValue<string>()}/activity?limit=500")).Expect(HttpStatusCode.OK).AsArray();
        Assert.DoesNotContain(activity, line => line!["kind"]!.GetValue<string>() == "created");
    }

    private async Task<JsonNode> SyncOnceAsync(ApiClient user, string name)
    {
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true, name = "Pipedrive " + name })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true, name = "Google " + name })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var id = (await user.PostAsync("api/v1/connections", new { name, accountA = a, accountB = b })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);
        return await Wait.UntilAsync(
            async () => (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK),
            c => c["state"]!.GetValue<string>() == "Active" && c["lastRunAt"] is not null && c["inSync"]!.GetValue<int>() > 0,
            Deadline,
            $"the {name} connection's first sync to finish");
    }
}
