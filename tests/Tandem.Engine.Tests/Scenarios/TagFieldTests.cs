using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Tags as a field: two address books whose categories sync through the default "Tags ↔ Tags" row, merged tag by tag.</summary>
public sealed class TagFieldTests
{
    private static Task<SyncHarness> AddressBooksAsync(StoreKind store = StoreKind.Sqlite) => SyncHarness.CreateAsync(
        store,
        new InMemoryAppOptions { Name = "A", IdPrefix = "a", Schema = InMemorySchemaBuilder.Crm().WithTags().Build(), Capabilities = InMemoryCapabilities.AddressBook },
        new InMemoryAppOptions { Name = "B", IdPrefix = "b", Schema = InMemorySchemaBuilder.Crm().WithTags().Build(), Capabilities = InMemoryCapabilities.AddressBook });

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_tag_added_on_one_side_and_another_removed_on_the_other_in_the_same_run_both_hold(StoreKind store)
    {
        await using var h = await AddressBooksAsync(store);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.AddTag(a.Id, "Friends");
        h.A.AddTag(a.Id, "Golf");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));
        Assert.Equal(["Friends", "Golf"], b.Tags);

        h.A.AddTag(a.Id, "VIP");
        h.B.RemoveTag(b.Id, "Golf");
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(["Friends", "VIP"], h.A.Get(a.Id)!.Tags);
        Assert.Equal(["Friends", "VIP"], h.B.Get(b.Id)!.Tags);
        Assert.Equal(0, report.Conflicts);
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    [Fact]
    public async Task The_first_sync_unites_both_sides_tags_and_removes_none()
    {
        await using var h = await AddressBooksAsync();
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.AddTag(a.Id, "Friends");
        var b = h.B.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.AddTag(b.Id, "Golf");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(["Friends", "Golf"], h.A.Get(a.Id)!.Tags);
        Assert.Equal(["Friends", "Golf"], h.B.Get(b.Id)!.Tags);
        Assert.Equal(0, report.Conflicts);
    }

    [Fact]
    public async Task A_tag_removed_on_one_side_is_removed_on_the_other_and_the_rest_stay()
    {
        await using var h = await AddressBooksAsync();
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.AddTag(a.Id, "Friends");
        h.A.AddTag(a.Id, "Golf");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.B.RemoveTag(b.Id, "Friends");
        h.B.RemoveTag(b.Id, "Golf");
        await h.SyncCleanlyAsync();

        Assert.Empty(h.A.Get(a.Id)!.Tags);
    }

    [Fact]
    public async Task Tags_renamed_through_the_value_table_arrive_under_the_other_apps_name_both_ways()
    {
        await using var h = await AddressBooksAsync();
        h.Settings = new ConnectionSettings
        {
            Mappings =
            [
                new FieldMapping(FieldMapping.NameKey, FieldMapping.NameKey),
                new FieldMapping(StandardFieldKeys.Emails, StandardFieldKeys.Emails),
                new FieldMapping(TagsField.Key, TagsField.Key) { ValueTable = new Dictionary<string, string> { ["VIP"] = "Key account" } },
            ],
        };
        var ann = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.AddTag(ann.Id, "VIP");
        h.A.AddTag(ann.Id, "Golf");
        var bob = h.B.CreatePerson("Bob", "Ray", "bob@example.com");
        h.B.AddTag(bob.Id, "Key account");
        await h.SyncCleanlyAsync();

        var annOnB = Assert.Single(h.B.FindByEmail("ann@example.com"));
        var bobOnA = Assert.Single(h.A.FindByEmail("bob@example.com"));
        Assert.Equal(["Golf", "Key account"], annOnB.Tags);
        Assert.Equal(["VIP"], bobOnA.Tags);

        h.B.RemoveTag(annOnB.Id, "Key account");
        await h.SyncCleanlyAsync();

        Assert.Equal(["Golf"], h.A.Get(ann.Id)!.Tags);
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    [Fact]
    public async Task Tandems_own_markers_never_travel_through_the_tags_mapping()
    {
        await using var h = await AddressBooksAsync();
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        var ann = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        var gone = h.A.CreatePerson("Gus", "One", "gus@example.com");
        await h.SyncCleanlyAsync();
        var annOnB = Assert.Single(h.B.FindByEmail("ann@example.com"));
        var gusOnB = Assert.Single(h.B.FindByEmail("gus@example.com"));

        // Gus is deleted on A, so B's Gus is tagged for review; Ann carries markers set elsewhere beside a real tag.
        h.A.Delete(gone.Id);
        h.B.AddTag(annOnB.Id, SyncOptions.TrashTag);
        h.B.AddTag(annOnB.Id, SyncOptions.UnsubscribesTag);
        h.B.AddTag(annOnB.Id, "Friends");
        await h.SyncCleanlyAsync();

        Assert.Contains(SyncOptions.TrashTag, h.B.Get(gusOnB.Id)!.Tags);
        Assert.Equal(["Friends"], h.A.Get(ann.Id)!.Tags);
        Assert.Single(h.A.Snapshot());
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    [Fact]
    public async Task A_contact_created_from_the_other_side_gets_its_tags_but_not_the_markers()
    {
        await using var h = await AddressBooksAsync();
        var b = h.B.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.AddTag(b.Id, "Friends");
        h.B.AddTag(b.Id, SyncOptions.TrashTag);

        await h.SyncCleanlyAsync();

        Assert.Equal(["Friends"], Assert.Single(h.A.FindByEmail("ann@example.com")).Tags);
    }

    [Fact]
    public async Task A_rules_tag_stays_with_the_rule_its_undo_still_removes_it_and_it_never_comes_back_as_a_tag()
    {
        await using var h = await AddressBooksAsync();
        var vips = new Rule
        {
            Id = "vips",
            Filters = [new Filter(FilterKind.HasTag, Value: "VIP")],
            Actions = [new RuleAction(ActionKind.AddTag, Value: "From A")],
            UndoWhenLeaving = true,
        };
        h.Settings = new ConnectionSettings { RulesA = [vips, new Rule { Id = "all" }] };
        var a = h.A.CreatePerson("Vera", "Ip", "vera@example.com");
        h.A.AddTag(a.Id, "VIP");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("vera@example.com"));
        Assert.Equal(["From A", "VIP"], b.Tags);
        Assert.Equal(["VIP"], h.A.Get(a.Id)!.Tags);

        h.A.RemoveTag(a.Id, "VIP");
        await h.SyncCleanlyAsync();

        Assert.Empty(h.B.Get(b.Id)!.Tags);
        Assert.Empty(h.A.Get(a.Id)!.Tags);
    }

    [Fact]
    public async Task Tags_of_a_crm_are_offered_but_not_synced_unless_the_user_turns_the_row_on()
    {
        await using var h = await SyncHarness.CreateAsync(
            StoreKind.Sqlite,
            new InMemoryAppOptions { Name = "A", IdPrefix = "a", Schema = InMemorySchemaBuilder.Crm().WithTags(addressBook: false).Build() },
            new InMemoryAppOptions { Name = "B", IdPrefix = "b", Schema = InMemorySchemaBuilder.Crm().WithTags().Build(), Capabilities = InMemoryCapabilities.AddressBook });
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.AddTag(a.Id, "Hot lead");

        await h.SyncCleanlyAsync();

        Assert.Empty(Assert.Single(h.B.FindByEmail("ann@example.com")).Tags);
    }

    [Fact]
    public async Task Tags_differing_on_both_sides_since_the_last_sync_conflict_tag_by_tag_and_the_winning_app_settles_each()
    {
        await using var h = await AddressBooksAsync();

        // One way A → B first, so B keeps a tag of its own: the sides' baselines differ on "Golf".
        h.Settings = new ConnectionSettings { Direction = SyncDirection.AToB };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        var b = h.B.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.AddTag(b.Id, "Golf");
        await h.SyncCleanlyAsync();
        Assert.Empty(h.A.Get(a.Id)!.Tags);

        // Now both ways, B winning: A adds Golf while B drops it (a conflict on Golf), and B adds Chess (no conflict).
        h.Settings = new ConnectionSettings { WinningSide = Side.B };
        h.A.AddTag(a.Id, "Golf");
        h.B.RemoveTag(b.Id, "Golf");
        h.B.AddTag(b.Id, "Chess");
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(1, report.Conflicts);
        Assert.Equal(["Chess"], h.A.Get(a.Id)!.Tags);
        Assert.Equal(["Chess"], h.B.Get(b.Id)!.Tags);
        var conflict = Assert.Single(await h.ActivityAsync(), n => n.Kind == "conflict");
        Assert.Contains("Golf", conflict.Details, StringComparison.Ordinal);
    }
}
