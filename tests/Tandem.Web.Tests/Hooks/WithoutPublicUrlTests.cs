using System.Net;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Hooks;

/// <summary>Without Tandem:PublicUrl (the default) nothing is registered: the user is told what to enter by hand.</summary>
public abstract class WithoutPublicUrlTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    [Fact]
    public async Task Starting_registers_nothing_and_the_hook_is_described_on_the_servers_own_address()
    {
        using var user = await server.NewUserAsync();
        var (pipedrive, google) = await WebhookRegistrationTests<SqlitePublicUrlServer>.AccountsAsync(user);
        var id = await WebhookRegistrationTests<SqlitePublicUrlServer>.ConnectionAsync(user, pipedrive, google);

        var started = (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);

        Assert.Empty(started["webhooksRegisteredIn"]!.AsArray());
        Assert.Null(started["webhookProblem"]);
        Assert.DoesNotContain(await new SandboxReader(server.Server).PipedriveWebhooksAsync(), w => w!["subscription_url"]!.GetValue<string>().Contains(id, StringComparison.Ordinal));
        var described = (await user.GetAsync($"api/v1/connections/{id}/webhooks")).Expect(HttpStatusCode.OK).AsArray()
            .Single(h => h!["app"]!.GetValue<string>() == "pipedrive")!;
        Assert.Equal($"{server.BaseAddress}hooks/pipedrive/{id}", described["url"]!.GetValue<string>());
        Assert.Contains("Create new webhook", described["instructions"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class SqliteWithoutPublicUrlTests(SqliteServer server) : WithoutPublicUrlTests<SqliteServer>(server);

public sealed class PostgresWithoutPublicUrlTests(PostgresServer server) : WithoutPublicUrlTests<PostgresServer>(server);
