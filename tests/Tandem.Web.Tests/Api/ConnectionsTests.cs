using System.Net;
using System.Text.Json.Nodes;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Api;

/// <summary>The wizard's steps through the API: mappings, options, a connection checked before it is saved, edits, ownership.</summary>
public abstract class ConnectionsTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    [Fact]
    public async Task The_default_mapping_of_pipedrive_and_google_pairs_the_name_and_emails_both_ways()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);

        var defaults = (await user.GetAsync($"api/v1/mappings/defaults?accountA={a}&accountB={b}")).Expect(HttpStatusCode.OK);

        var rows = defaults["rows"]!.AsArray();
        var name = rows.Single(r => r!["mapping"]!["aField"]!.GetValue<string>() == "$name")!;
        Assert.Equal("Both", name["direction"]!.GetValue<string>());
        Assert.Contains(rows, r => r!["aLabel"]!.GetValue<string>().Contains("mail", StringComparison.OrdinalIgnoreCase) && r["direction"]!.GetValue<string>() == "Both");
        Assert.True(defaults["isUsable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_checked_mapping_row_of_a_missing_field_is_refused_with_the_reason_and_compatible_fields_are_offered()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);

        var check = (await user.PostAsync("api/v1/mappings/check", new { accountA = a, accountB = b, mappings = new[] { new { aField = "$name", bField = "$name" }, new { aField = "$name", bField = "no_such_field" } } })).Expect(HttpStatusCode.OK);
        var compatible = (await user.GetAsync($"api/v1/mappings/compatible?accountA={a}&accountB={b}&side=A&field=$name")).Expect(HttpStatusCode.OK).AsArray();

        Assert.Null(check["rows"]![0]!["refused"]);
        Assert.Contains("no_such_field", check["rows"]![1]!["refused"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(check["isUsable"]!.GetValue<bool>());
        Assert.NotEmpty(compatible);
    }

    [Fact]
    public async Task Options_are_offered_only_where_both_apps_support_them_with_the_reason_otherwise()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);

        var twoWay = (await user.GetAsync($"api/v1/connections/options?accountA={a}&accountB={b}")).Expect(HttpStatusCode.OK);
        var intoGoogle = (await user.GetAsync($"api/v1/connections/options?accountA={a}&accountB={b}&direction=AToB")).Expect(HttpStatusCode.OK);

        // Both report deletions and both have tags; only Pipedrive reports unsubscribes, so only its one-way feed offers them.
        Assert.True(twoWay["canSyncDeletions"]!.GetValue<bool>());
        Assert.False(twoWay["canSyncUnsubscribes"]!.GetValue<bool>());
        Assert.Contains("Google Contacts does not report them", twoWay["syncUnsubscribes"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(intoGoogle["canSyncUnsubscribes"]!.GetValue<bool>());
        Assert.Contains("one-way", twoWay["deleteInTarget"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(intoGoogle["canDeleteInTarget"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Sync_unsubscribes_on_a_two_way_connection_is_refused_when_one_app_does_not_report_them()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);

        var refused = (await user.PostAsync("api/v1/connections", new { accountA = a, accountB = b, options = new { syncUnsubscribes = true } })).Expect(HttpStatusCode.BadRequest);
        var accepted = (await user.PostAsync("api/v1/connections", new { accountA = a, accountB = b, direction = "AToB", options = new { syncUnsubscribes = true } })).Expect(HttpStatusCode.Created);

        Assert.Contains("unsubscribes", refused.ToJsonString(), StringComparison.Ordinal);
        Assert.True(accepted["settings"]!["options"]!["syncUnsubscribes"]!.GetValue<bool>());
        Assert.Single((await user.GetAsync("api/v1/connections")).Expect(HttpStatusCode.OK).AsArray());
    }

    [Fact]
    public async Task Choices_that_do_not_work_together_are_refused_with_every_problem_and_nothing_is_saved()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);

        var same = await user.PostAsync("api/v1/connections", new { accountA = a, accountB = a });
        var bad = await user.PostAsync("api/v1/connections", new
        {
            accountA = a,
            accountB = b,
            direction = "AToB",
            contactType = "leads",
            rulesA = new[] { new { id = "vip", filters = new[] { new { kind = "FieldEquals", field = "no_such_field", value = "x" } }, actions = new[] { new { kind = "Unsubscribe" } } } },
            mappings = new[] { new { aField = "$name", bField = "no_such_field" } },
            options = new { deleteInTarget = true, deletionGuardRatio = 2.0 },
        });
        var unknownDirection = await user.PostRawAsync("api/v1/connections", $"{{\"accountA\":\"{a}\",\"accountB\":\"{b}\",\"direction\":\"Sideways\"}}");

        same.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("two different accounts", same.Detail, StringComparison.Ordinal);
        var errors = bad.Expect(HttpStatusCode.BadRequest)["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains(errors, e => e.Contains("'leads'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("no_such_field", StringComparison.Ordinal) && e.StartsWith("Rules of Pipedrive", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("runs “unsubscribe” in Google Contacts, which Google Contacts does not offer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Mapping ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Delete in target is not available", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("deletion guard ratio", StringComparison.Ordinal));
        unknownDirection.Expect(HttpStatusCode.BadRequest);
        Assert.Empty((await user.GetAsync("api/v1/connections")).Expect(HttpStatusCode.OK).AsArray());
    }

    [Fact]
    public async Task A_new_connection_waits_paused_for_its_start_and_its_preview_writes_nothing()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);
        var reader = new SandboxReader(server.Server);
        var googleBefore = (await reader.GoogleEmailsAsync()).Count;

        var created = (await user.PostAsync("api/v1/connections", new { accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        var preview = (await user.PostAsync($"api/v1/connections/{id}/preview")).Expect(HttpStatusCode.OK);

        Assert.Equal("Paused", created["state"]!.GetValue<string>());
        Assert.False(created["started"]!.GetValue<bool>());
        Assert.Equal("Pipedrive (sandbox) ↔ Google Contacts (sandbox)", created["name"]!.GetValue<string>());
        Assert.Equal("Completed", preview["outcome"]!.GetValue<string>());
        Assert.True(preview["b"]!["created"]!.GetValue<int>() > 0);
        Assert.NotEmpty(preview["samples"]!.AsArray());
        Assert.Equal(googleBefore, (await reader.GoogleEmailsAsync()).Count);
        Assert.Equal("Paused", (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK)["state"]!.GetValue<string>());
        (await user.PostAsync($"api/v1/connections/{id}/run")).Expect(HttpStatusCode.Conflict);
        (await user.DeleteAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Editing_keeps_the_accounts_and_saves_checked_settings_and_a_paused_connection_stays_paused()
    {
        using var user = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(user);
        var id = (await user.PostAsync("api/v1/connections", new { accountA = a, accountB = b, direction = "AToB" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var third = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true, name = "Other book" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        var repointed = await user.PutAsync($"api/v1/connections/{id}", new { accountA = a, accountB = third });
        var refused = await user.PutAsync($"api/v1/connections/{id}", new { accountA = a, accountB = b, options = new { deletionGuardMinimum = -1 } });
        var saved = (await user.PutAsync($"api/v1/connections/{id}", new
        {
            name = "CRM to phone",
            accountA = a,
            accountB = b,
            direction = "TwoWay",
            winningSide = "B",
            options = new { syncDeletions = true },
        })).Expect(HttpStatusCode.OK);

        repointed.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("cannot change", repointed.Detail, StringComparison.Ordinal);
        refused.Expect(HttpStatusCode.BadRequest);
        Assert.Equal("CRM to phone", saved["name"]!.GetValue<string>());
        Assert.Equal("TwoWay", saved["settings"]!["direction"]!.GetValue<string>());
        Assert.Equal("B", saved["settings"]!["winningSide"]!.GetValue<string>());
        Assert.True(saved["settings"]!["options"]!["syncDeletions"]!.GetValue<bool>());
        Assert.Equal("Paused", saved["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await user.DeleteAsync($"api/v1/accounts/{a}")).Status);
        Assert.Contains("CRM to phone", (await user.DeleteAsync($"api/v1/accounts/{a}")).Detail, StringComparison.Ordinal);
        (await user.DeleteAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Another_users_connection_is_not_found_by_any_endpoint_and_cannot_use_their_accounts()
    {
        using var owner = await server.NewUserAsync();
        using var stranger = await server.NewUserAsync();
        var (a, b) = await TwoAccountsAsync(owner);
        var id = (await owner.PostAsync("api/v1/connections", new { accountA = a, accountB = b })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        var answers = new[]
        {
            await stranger.GetAsync($"api/v1/connections/{id}"),
            await stranger.PutAsync($"api/v1/connections/{id}", new { accountA = a, accountB = b }),
            await stranger.PostAsync($"api/v1/connections/{id}/preview"),
            await stranger.PostAsync($"api/v1/connections/{id}/start"),
            await stranger.PostAsync($"api/v1/connections/{id}/pause"),
            await stranger.PostAsync($"api/v1/connections/{id}/resume"),
            await stranger.PostAsync($"api/v1/connections/{id}/run"),
            await stranger.PostAsync($"api/v1/connections/{id}/acknowledge-deletions"),
            await stranger.GetAsync($"api/v1/connections/{id}/health"),
            await stranger.GetAsync($"api/v1/connections/{id}/health/contacts"),
            await stranger.GetAsync($"api/v1/connections/{id}/duplicates"),
            await stranger.GetAsync($"api/v1/connections/{id}/activity"),
            await stranger.GetAsync($"api/v1/connections/{id}/activity/timeline"),
            await stranger.GetAsync($"api/v1/connections/{id}/webhooks"),
            await stranger.DeleteAsync($"api/v1/connections/{id}"),
            await stranger.PostAsync("api/v1/connections", new { accountA = a, accountB = b }),
            await stranger.GetAsync($"api/v1/mappings/defaults?accountA={a}&accountB={b}"),
            await stranger.GetAsync($"api/v1/connections/options?accountA={a}&accountB={b}"),
        };

        Assert.All(answers, x => Assert.Equal(HttpStatusCode.NotFound, x.Status));
        Assert.Empty((await stranger.GetAsync("api/v1/connections")).Expect(HttpStatusCode.OK).AsArray());
        Assert.Empty((await stranger.GetAsync("api/v1/activity")).Expect(HttpStatusCode.OK).AsArray());
        var kept = (await owner.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Paused", kept["state"]!.GetValue<string>());
        (await owner.DeleteAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.NoContent);
    }

    private static async Task<(string A, string B)> TwoAccountsAsync(ApiClient user)
    {
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        return (a, b);
    }
}

public sealed class SqliteConnectionsTests(SqliteServer server) : ConnectionsTests<SqliteServer>(server);

public sealed class PostgresConnectionsTests(PostgresServer server) : ConnectionsTests<PostgresServer>(server);
