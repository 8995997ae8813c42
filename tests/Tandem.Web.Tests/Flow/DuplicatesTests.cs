using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Flow;

/// <summary>
/// Existing duplicates are reported: two Pipedrive persons with one email are not synced, and the connection
/// lists them side by side so the user can merge them in Pipedrive. A class of its own: its twins would be
/// left out of the other flow tests' counts on a shared sandbox.
/// </summary>
public sealed class DuplicatesTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Two_persons_with_the_same_email_in_one_app_are_listed_together_and_not_synced()
    {
        using var user = await server.NewUserAsync();
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var twin = $"twin-{Guid.NewGuid():N}@example.com";
        await CreatePipedrivePersonAsync(twin, "Tess Twin");
        await CreatePipedrivePersonAsync(twin.ToUpperInvariant(), "Tessa Twin");
        var id = (await user.PostAsync("api/v1/connections", new { name = "CRM into phone", accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);
        await Wait.UntilAsync(
            async () => (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK),
            c => c["state"]!.GetValue<string>() == "Active" && c["lastRunAt"] is not null && c["inSync"]!.GetValue<int>() > 0,
            TimeSpan.FromSeconds(180),
            "the first sync to finish");

        var groups = (await user.GetAsync($"api/v1/connections/{id}/duplicates")).Expect(HttpStatusCode.OK).AsArray();
        var group = Assert.Single(groups, g => g!["value"]!.GetValue<string>() == twin);
        Assert.Equal("A", group!["side"]!.GetValue<string>());
        Assert.Equal("email address", group["what"]!.GetValue<string>());
        Assert.Equal(["Tess Twin", "Tessa Twin"], group["contacts"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(twin, await new SandboxReader(server.Server).GoogleEmailsAsync());

        // Two demo persons with one name and one company are two people, at most a possible match across the apps: no twins.
        Assert.All(groups, g => Assert.Equal("email address", g!["what"]!.GetValue<string>()));
        (await user.GetAsync($"api/v1/connections/{id}/duplicates?limit=0")).Expect(HttpStatusCode.BadRequest);
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
