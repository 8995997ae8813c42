using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Cli;
using Tandem.Runtime.Hosting;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Api;

/// <summary>
/// The wizard's API and <c>tandem setup FILE</c> share one validator: the same connection, between the same two
/// sandbox accounts, is refused by both with the same sentences, and neither stores it.
/// </summary>
public sealed class CliRefusesWhatTheApiRefusesTests(SqliteServer server) : IClassFixture<SqliteServer>, IDisposable
{
    // Pipedrive cannot subscribe anyone, and deleting in the target needs a one-way connection.
    private const string Settings = """{ "rulesA": [ { "id": "welcome", "actions": [ { "kind": "Subscribe" } ] } ], "options": { "deleteInTarget": true } }""";

    private static readonly string[] Problems =
    [
        "Rules of Pipedrive (side A): rule “welcome” runs “subscribe” in Pipedrive, which Pipedrive does not offer; it offers “add label”, “set a field”, “unsubscribe”.",
        "Delete in target is not available: Deleting in the target is only for a one-way connection into a list-style app.",
    ];

    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tandem-web-tests", Guid.NewGuid().ToString("N"))).FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_connection_the_api_refuses_is_refused_by_tandem_setup_with_the_same_sentences_and_nothing_is_stored()
    {
        using var user = await server.NewUserAsync();
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true, name = "CRM" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true, name = "CRM copy" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var body = JsonNode.Parse(Settings)!.AsObject();
        body["accountA"] = a;
        body["accountB"] = b;

        var api = await user.PostRawAsync("api/v1/connections", body.ToJsonString());
        var setup = await WriteSetupAsync(a, b);
        var database = Path.Combine(folder, "tandem.db");
        var (code, error) = await TandemAsync("setup", setup, "--database", database);

        Assert.Equal(Problems, api.Expect(HttpStatusCode.BadRequest)["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(2, code);
        Assert.Equal($"tandem: {setup}: $.connections[0]: connection 'crm-copy' cannot be saved. 2 problems: {string.Join(" ", Problems)}{Environment.NewLine}", error);
        Assert.Empty((await user.GetAsync("api/v1/connections")).Expect(HttpStatusCode.OK).AsArray());
        Assert.Equal(0, (await TandemAsync("status", "--database", database)).Code);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A set-up file holding the two web accounts as they are stored (same sandbox, same credentials) and the connection.</summary>
    private async Task<string> WriteSetupAsync(string accountA, string accountB)
    {
        var runtime = server.Server.Services.GetRequiredService<TandemRuntime>();
        var accounts = new JsonArray();
        foreach (var (id, name) in new[] { (accountA, "crm"), (accountB, "crm-copy-account") })
        {
            var stored = (await runtime.Accounts.GetAsync(id, Ct))!;
            accounts.Add(new JsonObject
            {
                ["name"] = name,
                ["app"] = stored.App,
                ["settings"] = JsonSerializer.SerializeToNode(stored.Settings),
                ["secrets"] = JsonSerializer.SerializeToNode(stored.Secrets),
            });
        }

        var file = new JsonObject
        {
            ["accounts"] = accounts,
            ["connections"] = new JsonArray(new JsonObject
            {
                ["name"] = "crm-copy",
                ["accountA"] = "crm",
                ["accountB"] = "crm-copy-account",
                ["settings"] = JsonNode.Parse(Settings),
            }),
        };
        var path = Path.Combine(folder, "setup.json");
        await File.WriteAllTextAsync(path, file.ToJsonString(), Ct);
        return path;
    }

    private static async Task<(int Code, string Error)> TandemAsync(params string[] args)
    {
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, TextWriter.Null, error, Ct);
        return (code, error.ToString());
    }
}
