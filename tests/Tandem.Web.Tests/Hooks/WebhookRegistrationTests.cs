using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Runtime.Hosting;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Hooks;

/// <summary>
/// With Tandem:PublicUrl set, starting or resuming a connection registers its hook in Pipedrive (the sandbox records
/// it), pausing and deleting remove it, and a refusal is told in words without stopping the connection.
/// </summary>
public abstract class WebhookRegistrationTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : PublicUrlServer
{
    [Fact]
    public async Task Starting_registers_the_hook_with_basic_auth_and_pausing_resuming_and_deleting_keep_pipedrive_in_step()
    {
        using var user = await server.NewUserAsync();
        var (pipedrive, google) = await AccountsAsync(user);
        var id = await ConnectionAsync(user, pipedrive, google);
        var hookUrl = $"{PublicUrlServer.PublicUrl}hooks/pipedrive/{id}";

        var started = (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);

        Assert.Equal(["Pipedrive"], started["webhooksRegisteredIn"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Null(started["webhookProblem"]);
        var webhook = Assert.Single(await HooksAtAsync(hookUrl));
        var described = (await user.GetAsync($"api/v1/connections/{id}/webhooks")).Expect(HttpStatusCode.OK).AsArray()
            .Single(h => h!["app"]!.GetValue<string>() == "pipedrive")!;
        Assert.Equal(hookUrl, described["url"]!.GetValue<string>());
        Assert.Equal("person", webhook["event_object"]!.GetValue<string>());
        Assert.Equal(described["username"]!.GetValue<string>(), webhook["http_auth_user"]!.GetValue<string>());
        Assert.Equal(described["password"]!.GetValue<string>(), webhook["http_auth_password"]!.GetValue<string>());

        var paused = (await user.PostAsync($"api/v1/connections/{id}/pause")).Expect(HttpStatusCode.OK);
        Assert.Empty(paused["webhooksRegisteredIn"]!.AsArray());
        Assert.Empty(await HooksAtAsync(hookUrl));

        (await user.PostAsync($"api/v1/connections/{id}/resume")).Expect(HttpStatusCode.OK);
        var again = Assert.Single(await HooksAtAsync(hookUrl));
        Assert.NotEqual(webhook["id"]!.GetValue<int>(), again["id"]!.GetValue<int>());

        (await user.DeleteAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.NoContent);
        Assert.Empty(await HooksAtAsync(hookUrl));
    }

    [Fact]
    public async Task A_hook_pipedrive_refuses_is_told_in_words_and_the_connection_is_started_all_the_same()
    {
        using var user = await server.NewUserAsync();
        var (pipedrive, google) = await AccountsAsync(user);
        var id = await ConnectionAsync(user, pipedrive, google);
        var hookUrl = $"{PublicUrlServer.PublicUrl}hooks/pipedrive/{id}";
        var accounts = server.Server.Services.GetRequiredService<TandemRuntime>().Accounts;
        var stored = (await accounts.GetAsync(pipedrive, TestContext.Current.CancellationToken))!;
        await accounts.UpdateSecretsAsync(pipedrive, stored.Secrets.ToDictionary(s => s.Key, s => s.Key == "apiToken" ? "revoked-token" : s.Value), TestContext.Current.CancellationToken);

        var started = (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);

        Assert.NotEqual("Paused", started["state"]!.GetValue<string>());
        Assert.Empty(started["webhooksRegisteredIn"]!.AsArray());
        var problem = started["webhookProblem"]!.GetValue<string>();
        Assert.StartsWith("Pipedrive did not take Tandem's webhook: ", problem, StringComparison.Ordinal);
        Assert.EndsWith("Changes made in Pipedrive still arrive, at the next check rather than at once.", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-token", problem, StringComparison.Ordinal);
        Assert.Empty(await HooksAtAsync(hookUrl));

        // Authorised again, paused and resumed: the hook goes in and the problem is gone; the connection syncs.
        (await user.PutAsync($"api/v1/accounts/{pipedrive}/authorization", new { values = new Dictionary<string, string> { ["apiToken"] = server.Server.Sandbox.Find("pipedrive")!.Values["apiToken"] } })).Expect(HttpStatusCode.OK);
        (await user.PostAsync($"api/v1/connections/{id}/pause")).Expect(HttpStatusCode.OK);
        var resumed = (await user.PostAsync($"api/v1/connections/{id}/resume")).Expect(HttpStatusCode.OK);
        Assert.Null(resumed["webhookProblem"]);
        Assert.Single(await HooksAtAsync(hookUrl));
        await Wait.UntilAsync(
            async () => (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK)["state"]!.GetValue<string>(),
            state => state == "Active",
            TimeSpan.FromSeconds(60),
            "the connection to sync");
    }

    private async Task<List<JsonNode>> HooksAtAsync(string url) =>
        (await new SandboxReader(server.Server).PipedriveWebhooksAsync()).Where(w => w!["subscription_url"]!.GetValue<string>() == url).Select(w => w!).ToList();

    internal static async Task<(string Pipedrive, string Google)> AccountsAsync(ApiClient user)
    {
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        return (a, b);
    }

    internal static async Task<string> ConnectionAsync(ApiClient user, string a, string b) =>
        (await user.PostAsync("api/v1/connections", new { accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
}

public sealed class SqliteWebhookRegistrationTests(SqlitePublicUrlServer server) : WebhookRegistrationTests<SqlitePublicUrlServer>(server);

public sealed class PostgresWebhookRegistrationTests(PostgresPublicUrlServer server) : WebhookRegistrationTests<PostgresPublicUrlServer>(server);
