using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

public sealed class GetsDeletedRuleTests
{
    private static readonly Rule LostVips = new()
    {
        Id = "lost-vips",
        Filters = [new Filter(FilterKind.GetsDeleted), new Filter(FilterKind.HasTag, Value: "VIP")],
        Actions = [new RuleAction(ActionKind.AddTag, Value: "Lost VIP"), new RuleAction(ActionKind.SetField, "title", "Former customer")],
    };

    private static ConnectionSettings Settings(bool syncDeletions = true) => new()
    {
        RulesA = [Rule.Everything, LostVips],
        Options = new SyncOptions { SyncDeletions = syncDeletions },
    };

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_contact_deleted_on_one_side_gets_the_rules_tag_and_field_with_the_trash_tag_in_one_update(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        h.Settings = Settings();
        var a = h.A.AddTag(h.A.CreatePerson("Vera", "Ip", "vera@example.com").Id, "VIP");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.Snapshot());
        var updatesBefore = h.B.Calls.Updates;

        h.A.Delete(a.Id);
        var report = await h.SyncCleanlyAsync();

        var after = h.B.Get(b.Id)!;
        Assert.Equal(["Lost VIP", SyncOptions.TrashTag], after.Tags.Order(StringComparer.Ordinal));
        Assert.Equal("Former customer", after.Get("title")!.Canonical);
        Assert.Equal(1, h.B.Count);
        Assert.Equal(0, h.A.Count);
        Assert.Equal(1, h.B.Calls.Updates - updatesBefore);
        Assert.Equal(1, report.WriteCalls);
        var note = Assert.Single(await h.ActivityAsync(), n => n.Message.Contains("lost-vips", StringComparison.Ordinal));
        Assert.Equal(
            "\"Vera Ip\" was deleted in A: the rule for deleted contacts “lost-vips” added the tag \"Lost VIP\", set \"Job title\" in B; it is also tagged \"Tandem Trash\" for review. Nothing was deleted in B.",
            note.Message);
    }

    [Fact]
    public async Task The_rule_runs_once_and_tandems_own_write_never_brings_the_contact_back()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = Settings();
        var a = h.A.AddTag(h.A.CreatePerson("Vera", "Ip", "vera@example.com").Id, "VIP");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.Snapshot());
        h.A.Delete(a.Id);
        await h.SyncCleanlyAsync();

        var quiet = await h.SyncCleanlyAsync();
        h.B.RemoveTag(b.Id, "Lost VIP");
        h.B.RemoveTag(b.Id, SyncOptions.TrashTag);
        var afterReview = await h.SyncCleanlyAsync();

        Assert.Equal(0, quiet.WriteCalls);
        Assert.Equal(0, afterReview.WriteCalls);
        Assert.Empty(h.B.Get(b.Id)!.Tags);
        Assert.Equal("Former customer", h.B.Get(b.Id)!.Get("title")!.Canonical);
        Assert.Equal(0, h.A.Count);
    }

    [Fact]
    public async Task The_rule_does_not_run_when_the_deleted_contacts_last_known_state_misses_its_other_filters()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = Settings();
        var a = h.A.CreatePerson("Plain", "Jane", "jane@example.com");
        h.A.Set(a.Id, "title", Values.Text("Buyer"));
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.Snapshot());

        h.A.Delete(a.Id);
        await h.SyncCleanlyAsync();

        var after = h.B.Get(b.Id)!;
        Assert.Equal([SyncOptions.TrashTag], after.Tags);
        Assert.Equal("Buyer", after.Get("title")!.Canonical);
    }

    [Fact]
    public async Task Without_sync_deletions_the_rule_still_runs_and_nothing_else_is_tagged()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = Settings(syncDeletions: false);
        var a = h.A.AddTag(h.A.CreatePerson("Vera", "Ip", "vera@example.com").Id, "VIP");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.Snapshot());

        h.A.Delete(a.Id);
        await h.SyncCleanlyAsync();

        Assert.Equal(["Lost VIP"], h.B.Get(b.Id)!.Tags);
        Assert.Contains(await h.ActivityAsync(), n => n.Kind == "updated" && n.Message.EndsWith("set \"Job title\" in B. Nothing was deleted in B.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_rule_never_fires_for_a_live_contact()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = Settings();
        var a = h.A.AddTag(h.A.CreatePerson("Vera", "Ip", "vera@example.com").Id, "VIP");
        await h.SyncCleanlyAsync();
        h.A.Set(a.Id, "org", Values.Text("Acme"));
        await h.SyncCleanlyAsync();

        var b = Assert.Single(h.B.Snapshot());
        Assert.Equal("Acme", b.Get("org")!.Canonical);
        Assert.Empty(b.Tags);
        Assert.Null(b.Get("title"));
    }

    [Fact]
    public async Task A_side_whose_only_rule_is_for_deleted_contacts_never_creates_or_updates()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { RulesA = [LostVips], RulesB = [] };
        h.A.AddTag(h.A.CreatePerson("Vera", "Ip", "vera@example.com").Id, "VIP");
        var linked = h.A.AddTag(h.A.CreatePerson("Ann", "Lee", "ann@example.com").Id, "VIP");
        h.A.Set(linked.Id, "org", Values.Text("Acme"));
        var b = h.B.CreatePerson("Ann", "Lee", "ann@example.com");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.WriteCalls);
        Assert.Equal(1, h.B.Count);
        Assert.Null(h.B.Get(b.Id)!.Get("org"));
    }

    [Fact]
    public async Task The_rules_of_the_side_that_does_not_send_never_run()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var lostOnB = new Rule { Id = "lost-on-b", Filters = [new Filter(FilterKind.GetsDeleted)], Actions = [new RuleAction(ActionKind.AddTag, Value: "Gone from B")] };
        var lostOnA = new Rule { Id = "lost-on-a", Filters = [new Filter(FilterKind.GetsDeleted)], Actions = [new RuleAction(ActionKind.AddTag, Value: "Gone from A")] };
        h.Settings = new ConnectionSettings { Direction = SyncDirection.BToA, RulesA = [Rule.Everything, lostOnA], RulesB = [Rule.Everything, lostOnB] };
        var x = h.B.CreatePerson("Xa", "Vier", "x@example.com");
        var y = h.B.CreatePerson("Yo", "Lan", "y@example.com");
        await h.SyncCleanlyAsync();
        var ax = Assert.Single(h.A.FindByEmail("x@example.com"));
        var ay = Assert.Single(h.A.FindByEmail("y@example.com"));

        h.A.Delete(ax.Id);
        h.B.Delete(y.Id);
        await h.SyncCleanlyAsync();

        Assert.Empty(h.B.Get(x.Id)!.Tags);
        Assert.Equal(["Gone from B"], h.A.Get(ay.Id)!.Tags);
    }

    [Fact]
    public async Task Deleted_on_one_side_and_edited_on_the_other_brings_the_contact_back_without_running_the_rule()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = Settings();
        var a = h.A.AddTag(h.A.CreatePerson("Vera", "Ip", "vera@example.com").Id, "VIP");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.Snapshot());

        h.A.Delete(a.Id);
        h.B.Set(b.Id, "org", Values.Text("Still here"));
        await h.SyncCleanlyAsync();

        Assert.Single(h.A.FindByEmail("vera@example.com"));
        Assert.Empty(h.B.Get(b.Id)!.Tags);
        Assert.Null(h.B.Get(b.Id)!.Get("title"));
    }

    [Fact]
    public async Task A_rule_for_deleted_contacts_may_unsubscribe_the_counterpart_in_a_marketing_app()
    {
        await using var h = await SyncHarness.CreateAsync(
            StoreKind.Sqlite,
            b: new InMemoryAppOptions { Name = "B", IdPrefix = "b", Capabilities = InMemoryCapabilities.Marketing });
        var optOut = new Rule { Id = "opt-out", Filters = [new Filter(FilterKind.GetsDeleted), new Filter(FilterKind.ExistsInOtherApp)], Actions = [new RuleAction(ActionKind.Unsubscribe)] };
        h.Settings = new ConnectionSettings { RulesA = [Rule.Everything, optOut] };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.Snapshot());

        h.A.Delete(a.Id);
        await h.SyncCleanlyAsync();

        Assert.True(h.B.Get(b.Id)!.IsUnsubscribed);
        Assert.Equal(1, h.B.Count);
    }
}
