using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

public sealed class RuleTests
{
    private static readonly Rule VipsOnly = new()
    {
        Id = "vips",
        Filters = [new Filter(FilterKind.HasTag, Value: "VIP")],
        Actions = [new RuleAction(ActionKind.AddTag, Value: "From A"), new RuleAction(ActionKind.SetField, "title", "Customer")],
    };

    [Fact]
    public async Task Only_contacts_matching_a_rule_are_created_and_the_rules_actions_run_on_the_other_side()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { RulesA = [VipsOnly] };
        var vip = h.A.CreatePerson("Vera", "Ip", "vera@example.com");
        h.A.AddTag(vip.Id, "VIP");
        var plain = h.A.CreatePerson("Plain", "Jane", "jane@example.com");

        await h.SyncCleanlyAsync();

        var created = Assert.Single(h.B.Snapshot());
        Assert.Equal("vera@example.com", ((ListValue)created.Get("emails")!).Primary.Text);
        Assert.Contains("From A", created.Tags);
        Assert.Equal("Customer", created.Get("title")!.Canonical);
        var health = Assert.Single(await h.HealthAsync());
        Assert.Equal(plain.Id, health.RecordId);
        Assert.Contains("Matches none of the rules", health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_are_ored_and_filters_within_a_rule_are_anded()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var acmeCeos = new Rule { Id = "acme-ceos", Filters = [new Filter(FilterKind.FieldEquals, "org", "Acme"), new Filter(FilterKind.FieldEquals, "title", "CEO")] };
        var vips = new Rule { Id = "vips", Filters = [new Filter(FilterKind.HasTag, Value: "VIP")] };
        h.Settings = new ConnectionSettings { RulesA = [acmeCeos, vips] };
        var ceo = h.A.CreatePerson("C", "Eo", "ceo@example.com");
        h.A.Update(ceo.Id, new Domain.Mapping.FieldChange("org", Values.Text("Acme")), new Domain.Mapping.FieldChange("title", Values.Text("CEO")));
        var cfo = h.A.CreatePerson("C", "Fo", "cfo@example.com");
        h.A.Update(cfo.Id, new Domain.Mapping.FieldChange("org", Values.Text("Acme")), new Domain.Mapping.FieldChange("title", Values.Text("CFO")));
        var vip = h.A.CreatePerson("V", "Ip", "vip@example.com");
        h.A.AddTag(vip.Id, "VIP");

        await h.SyncCleanlyAsync();

        Assert.Equal(["ceo@example.com", "vip@example.com"], h.B.Snapshot().Select(r => ((ListValue)r.Get("emails")!).Primary.Text).Order());
    }

    [Fact]
    public async Task A_rule_limited_to_contacts_that_already_exist_on_the_other_side_updates_but_never_creates()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { RulesA = [new Rule { Id = "existing", Filters = [new Filter(FilterKind.ExistsInOtherApp)] }] };
        var known = h.A.CreatePerson("Kno", "Wn", "known@example.com");
        h.A.Set(known.Id, "title", Values.Text("Boss"));
        h.A.CreatePerson("New", "Comer", "new@example.com");
        var b = h.B.CreatePerson("Kno", "Wn", "known@example.com");

        await h.SyncCleanlyAsync();

        Assert.Equal("Boss", h.B.Get(b.Id)!.Get("title")!.Canonical);
        Assert.Empty(h.B.FindByEmail("new@example.com"));
    }

    [Fact]
    public async Task A_contact_that_leaves_a_rule_with_undo_loses_the_rules_tag()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var rule = VipsOnly with { UndoWhenLeaving = true, Actions = [new RuleAction(ActionKind.AddTag, Value: "From A")] };
        h.Settings = new ConnectionSettings { RulesA = [rule, new Rule { Id = "all" }] };
        var vip = h.A.CreatePerson("Vera", "Ip", "vera@example.com");
        h.A.AddTag(vip.Id, "VIP");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.Snapshot());
        Assert.Contains("From A", b.Tags);

        h.A.RemoveTag(vip.Id, "VIP");
        await h.SyncCleanlyAsync();

        Assert.DoesNotContain("From A", h.B.Get(b.Id)!.Tags);
    }

    [Fact]
    public async Task One_way_connections_never_write_to_the_source()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { Direction = SyncDirection.AToB };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.CreatePerson("Bo", "Only", "bo@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.B.Set(b.Id, "title", Values.Text("Edited in B"));
        h.A.Set(a.Id, "org", Values.Text("Acme"));
        await h.SyncCleanlyAsync();

        Assert.Equal(1, h.A.Count);
        Assert.Null(h.A.Get(a.Id)!.Get("title"));
        Assert.Equal("Acme", h.B.Get(b.Id)!.Get("org")!.Canonical);
        Assert.Equal(0, h.A.Calls.WriteCalls);
    }
}
