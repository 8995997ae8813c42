using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Hosting;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Operations;

public sealed class HealthTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Both_probes_answer_healthy_without_signing_in_once_the_database_is_migrated()
    {
        using var anonymous = new ApiClient(server.BaseAddress, token: null, userId: string.Empty);

        var live = (await anonymous.GetAsync("healthz")).Expect(HttpStatusCode.OK);
        var ready = (await anonymous.GetAsync("readyz")).Expect(HttpStatusCode.OK);

        Assert.Equal("""{"status":"Healthy","checks":{}}""", live.ToJsonString());
        Assert.Equal("""{"status":"Healthy","checks":{"database":{"status":"Healthy","description":"The database is reachable and up to date."}}}""", ready.ToJsonString());
    }

    [Fact]
    public async Task When_the_database_is_gone_the_server_is_alive_but_not_ready_and_says_why_without_naming_the_file()
    {
        await using var own = new SqliteServer();
        await own.InitializeAsync();
        using var anonymous = new ApiClient(own.BaseAddress, token: null, userId: string.Empty);
        (await anonymous.GetAsync("readyz")).Expect(HttpStatusCode.OK);
        var file = own.Server.Services.GetRequiredService<RuntimeHolder>().Runtime.Database.SqliteFilePath!;

        SqliteConnection.ClearAllPools();
        foreach (var part in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(part);
        }

        var notReady = await anonymous.GetAsync("readyz");
        var live = await anonymous.GetAsync("healthz");

        var check = notReady.Expect(HttpStatusCode.ServiceUnavailable)["checks"]!["database"]!;
        Assert.Equal("Unhealthy", check["status"]!.GetValue<string>());

        // The workers may open the path again meanwhile, which makes an empty file: not ready either way.
        Assert.Matches("^(The database file is missing\\.|The database has [0-9]+ schema change\\(s\\) still to apply\\.)$", check["description"]!.GetValue<string>());
        Assert.DoesNotContain(Path.GetFileName(Path.GetDirectoryName(file)!), notReady.Text, StringComparison.Ordinal);
        live.Expect(HttpStatusCode.OK);
    }
}
