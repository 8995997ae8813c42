using System.Net;
using System.Text.Json.Nodes;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests;

/// <summary>
/// A write-only app (the seed's Wooxy, from the hosted sandbox) through the API: only the target of a one-way connection,
/// its account tested without a listing, and the variable matching of Pipedrive → Wooxy with a variable created on the
/// spot and picked up by the next read of the table.
/// </summary>
public abstract class WriteOnlyTargetTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    [Fact]
    public async Task A_write_only_app_is_refused_as_a_source_and_accepted_as_the_target_of_a_one_way_connection()
    {
        using var user = await server.NewUserAsync();
        var (pipedrive, wooxy) = await AccountsAsync(user);

        var twoWay = await user.PostAsync("api/v1/connections", new { accountA = pipedrive, accountB = wooxy, direction = "TwoWay" });
        var backwards = await user.PostAsync("api/v1/connections", new { accountA = pipedrive, accountB = wooxy, direction = "BToA" });
        var oneWay = await user.PostAsync("api/v1/connections", new { accountA = pipedrive, accountB = wooxy, direction = "AToB" });

        Assert.Equal(HttpStatusCode.BadRequest, twoWay.Status);
        Assert.Contains("Wooxy cannot be read, only written to: make the connection one-way from Pipedrive to Wooxy.", twoWay.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.Status);
        Assert.Equal(HttpStatusCode.Created, oneWay.Status);
    }

    [Fact]
    public async Task The_matching_table_offers_Wooxy_variables_and_a_variable_created_since_appears_on_refresh()
    {
        using var user = await server.NewUserAsync();
        var (pipedrive, wooxy) = await AccountsAsync(user);
        var before = (await user.PostAsync("api/v1/mappings/variables", new { accountA = pipedrive, accountB = wooxy, direction = "AToB" })).Expect(HttpStatusCode.OK);

        var created = (await user.PostAsync($"api/v1/accounts/{wooxy}/fields", new { label = "Pipedrive nickname", type = "Text" })).Expect(HttpStatusCode.Created);
        var after = (await user.PostAsync("api/v1/mappings/variables", new { accountA = pipedrive, accountB = wooxy, direction = "AToB" })).Expect(HttpStatusCode.OK);

        Assert.True(before["canCreateFields"]!.GetValue<bool>());
        Assert.Equal("Wooxy", before["targetApp"]!.GetValue<string>());
        Assert.Contains(before["rows"]!.AsArray(), r => r!["preview"] is not null);
        Assert.Contains(Candidates(before, "Nickname"), c => c == "var.companyName");
        Assert.Equal("var.pipedriveNickname", created["key"]!.GetValue<string>());
        Assert.DoesNotContain("var.pipedriveNickname", Candidates(before, "Nickname"));
        Assert.Contains("var.pipedriveNickname", Candidates(after, "Nickname"));
    }

    private static List<string> Candidates(JsonNode table, string sourceLabel) =>
        table["rows"]!.AsArray().Single(r => r!["sourceLabel"]!.GetValue<string>() == sourceLabel)!["candidates"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()).ToList();

    private static async Task<(string Pipedrive, string Wooxy)> AccountsAsync(ApiClient user)
    {
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "wooxy", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        return (a, b);
    }
}

public sealed class SqliteWriteOnlyTargetTests(SqliteServer server) : WriteOnlyTargetTests<SqliteServer>(server);

public sealed class PostgresWriteOnlyTargetTests(PostgresServer server) : WriteOnlyTargetTests<PostgresServer>(server);
