using System.Net;
using System.Text.Json.Nodes;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests;

/// <summary>Variable matching of a one-way feed (PRODUCT.md §5) through the API: Pipedrive → Google Contacts.</summary>
public abstract class VariableMatchingTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    [Fact]
    public async Task A_one_way_feed_lists_every_source_field_with_a_preview_and_only_compatible_targets()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);

        var table = (await user.PostAsync("api/v1/mappings/variables", new { accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.OK);
        var targetTypes = (await user.GetAsync($"api/v1/accounts/{b}/fields")).Expect(HttpStatusCode.OK)["fields"]!.AsArray()
            .ToDictionary(f => f!["key"]!.GetValue<string>(), f => f!["type"]!.GetValue<string>());

        var rows = table["rows"]!.AsArray();
        var sourceFields = (await user.GetAsync($"api/v1/accounts/{a}/fields")).Expect(HttpStatusCode.OK)["fields"]!.AsArray();
        Assert.Equal(sourceFields.Count + 1, rows.Count);
        Assert.Equal("$name", rows[0]!["source"]!.GetValue<string>());
        Assert.Equal("$name", rows[0]!["target"]!.GetValue<string>());
        Assert.True(rows[0]!["isMatched"]!.GetValue<bool>());
        Assert.Contains(rows, r => r!["preview"] is not null);

        // A compound value (an address) previews as words, never with the canonical part separator.
        var previews = rows.Select(r => r!["preview"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.DoesNotContain(previews, p => p.Contains('\u001F', StringComparison.Ordinal));
        Assert.Contains(previews, p => p.Contains(", ", StringComparison.Ordinal));

        var score = Row(rows, "Score");
        Assert.False(score["isMatched"]!.GetValue<bool>());
        var scoreTargets = Candidates(score);
        Assert.NotEmpty(scoreTargets);
        Assert.All(scoreTargets, key => Assert.Contains(targetTypes[key], new[] { "Text", "Number", "Money" }));
        Assert.Contains(targetTypes, t => t.Value == "Email" && !scoreTargets.Contains(t.Key));

        Assert.Equal("Pipedrive", table["sourceApp"]!.GetValue<string>());
        Assert.False(table["canCreateFields"]!.GetValue<bool>());
        Assert.Contains("cannot create fields in Google Contacts", table["createFieldsReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_source_fields_onto_one_target_are_refused_with_a_message_and_nothing_is_saved()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);
        var id = (await user.PostAsync("api/v1/connections", new { accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var before = (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK)["settings"]!["mappings"]!.ToJsonString();
        var rows = (await user.GetAsync($"api/v1/connections/{id}/variables")).Expect(HttpStatusCode.OK)["rows"]!.AsArray();
        var nickname = Row(rows, "Nickname");
        var background = Row(rows, "Background");
        var shared = CandidateLabelled(nickname, "Job title");
        Assert.Equal(shared, CandidateLabelled(background, "Job title"));

        var refused = await user.PutAsync($"api/v1/connections/{id}/variables", new
        {
            choices = new object[]
            {
                new { source = "$name", target = "$name" },
                new { source = nickname["source"]!.GetValue<string>(), target = shared },
                new { source = background["source"]!.GetValue<string>(), target = shared },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("“Background” and “Nickname” both target", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("two source fields cannot fill one target field", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(before, (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK)["settings"]!["mappings"]!.ToJsonString());
    }

    [Fact]
    public async Task Saved_matches_replace_the_mappings_one_way_and_keep_ignore_empty_values_per_row()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);
        var id = (await user.PostAsync("api/v1/connections", new { accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var rows = (await user.GetAsync($"api/v1/connections/{id}/variables")).Expect(HttpStatusCode.OK)["rows"]!.AsArray();
        var email = rows.First(r => r!["isMatched"]!.GetValue<bool>() && r["sourceType"]?.GetValue<string>() == "Email")!;
        var nickname = Row(rows, "Nickname");
        var nicknameKey = nickname["source"]!.GetValue<string>();
        var nicknameTarget = CandidateLabelled(nickname, "Job title");

        var saved = (await user.PutAsync($"api/v1/connections/{id}/variables", new
        {
            choices = new object[]
            {
                new { source = "$name", target = "$name" },
                new { source = email["source"]!.GetValue<string>(), target = email["target"]!.GetValue<string>() },
                new { source = nicknameKey, target = nicknameTarget, ignoreEmptyValues = true },
                new { source = Row(rows, "Score")["source"]!.GetValue<string>(), target = (string?)null },
            },
        })).Expect(HttpStatusCode.OK);

        Assert.Equal(3, saved["matchedCount"]!.GetValue<int>());
        var mappings = (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK)["settings"]!["mappings"]!.AsArray();
        Assert.Equal(["$name", email["source"]!.GetValue<string>(), nicknameKey], mappings.Select(m => m!["aField"]!.GetValue<string>()));
        Assert.All(mappings, m => Assert.Equal("AToB", m!["direction"]!.GetValue<string>()));
        Assert.Equal([false, false, true], mappings.Select(m => m!["ignoreEmptyValues"]?.GetValue<bool>() ?? false));
        var reread = Row((await user.GetAsync($"api/v1/connections/{id}/variables")).Expect(HttpStatusCode.OK)["rows"]!.AsArray(), "Nickname");
        Assert.Equal(nicknameTarget, reread["target"]!.GetValue<string>());
        Assert.True(reread["ignoreEmptyValues"]!.GetValue<bool>());
        Assert.False(Row((await user.GetAsync($"api/v1/connections/{id}/variables")).Expect(HttpStatusCode.OK)["rows"]!.AsArray(), "Score")["isMatched"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bad_matches_are_refused_with_the_reason()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);
        var emailTarget = (await user.GetAsync($"api/v1/accounts/{b}/fields")).Expect(HttpStatusCode.OK)["fields"]!.AsArray()
            .First(f => f!["type"]!.GetValue<string>() == "Email")!["key"]!.GetValue<string>();
        var rows = (await user.PostAsync("api/v1/mappings/variables", new { accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.OK)["rows"]!.AsArray();
        var score = Row(rows, "Score")["source"]!.GetValue<string>();
        var twoWay = (await user.PostAsync("api/v1/connections", new { accountA = a, accountB = b })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        var notOneWay = await user.PostAsync("api/v1/mappings/variables", new { accountA = a, accountB = b, direction = "TwoWay" });
        var incompatible = await user.PostAsync("api/v1/mappings/variables", new { accountA = a, accountB = b, direction = "AToB", choices = new[] { new { source = score, target = emailTarget } } });
        var unknown = await user.PostAsync("api/v1/mappings/variables", new { accountA = a, accountB = b, direction = "AToB", choices = new[] { new { source = "no_such_field", target = "$name" } } });
        var nothing = await user.PostAsync("api/v1/mappings/variables", new { accountA = a, accountB = b, direction = "AToB", choices = Array.Empty<object>() });
        var onTwoWay = await user.PutAsync($"api/v1/connections/{twoWay}/variables", new { choices = new[] { new { source = "$name", target = "$name" } } });

        Assert.All(new[] { notOneWay, incompatible, unknown, nothing, onTwoWay }, answer => Assert.Equal(HttpStatusCode.BadRequest, answer.Status));
        Assert.Contains("one-way connections", notOneWay.Detail, StringComparison.Ordinal);
        Assert.Contains("“Score” cannot be matched with", incompatible.Detail, StringComparison.Ordinal);
        Assert.Contains("no field 'no_such_field'", unknown.Detail, StringComparison.Ordinal);
        Assert.Contains("nothing would be sent", nothing.Detail, StringComparison.Ordinal);
        Assert.Contains("one-way connections", onTwoWay.Detail, StringComparison.Ordinal);
        Assert.Empty((await user.GetAsync($"api/v1/connections/{twoWay}")).Expect(HttpStatusCode.OK)["settings"]!["mappings"]!.AsArray());
    }

    [Fact]
    public async Task A_field_already_filled_by_the_name_is_refused_naming_the_source_field()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);
        var rows = (await user.PostAsync("api/v1/mappings/variables", new { accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.OK)["rows"]!.AsArray();
        var nickname = Row(rows, "Nickname");

        var refused = await user.PostAsync("api/v1/mappings/variables", new
        {
            accountA = a,
            accountB = b,
            direction = "AToB",
            choices = new[]
            {
                new { source = "$name", target = "$name" },
                new { source = nickname["source"]!.GetValue<string>(), target = CandidateLabelled(nickname, "First name") },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("“Nickname”: That field is already filled by the mapping Name ↔ Name.", refused.Detail, StringComparison.Ordinal);
    }

    private static JsonNode Row(JsonArray rows, string label) => rows.Single(r => r!["sourceLabel"]!.GetValue<string>() == label)!;

    private static string CandidateLabelled(JsonNode row, string label) =>
        row["candidates"]!.AsArray().Single(c => c!["label"]!.GetValue<string>() == label)!["key"]!.GetValue<string>();

    private static List<string> Candidates(JsonNode row) => row["candidates"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()).ToList();

    private static async Task<(string A, string B)> TwoAccountsAsync(ApiClient user)
    {
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        return (a, b);
    }
}

public sealed class SqliteVariableMatchingTests(SqliteServer server) : VariableMatchingTests<SqliteServer>(server);

public sealed class PostgresVariableMatchingTests(PostgresServer server) : VariableMatchingTests<PostgresServer>(server);
