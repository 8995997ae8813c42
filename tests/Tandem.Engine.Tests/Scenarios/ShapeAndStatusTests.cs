using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

public sealed class ShapeAndStatusTests
{
    private static InMemoryAppOptions FullNameApp() => new()
    {
        Name = "B",
        IdPrefix = "b",
        Schema = InMemorySchemaBuilder.Crm().WithFullName().Build(),
    };

    [Fact]
    public async Task A_changed_full_name_updates_only_the_last_name_on_the_split_side()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite, b: FullNameApp());
        var a = h.A.CreatePerson("John", "Smith", "john@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.Snapshot());
        Assert.Equal("John Smith", b.Get("name.full")!.Canonical);

        h.B.Set(b.Id, "name.full", Values.Text("John Smyth"));
        var report = await h.SyncCleanlyAsync();

        var record = h.A.Get(a.Id)!;
        Assert.Equal("John", record.Get("name.first")!.Canonical);
        Assert.Equal("Smyth", record.Get("name.last")!.Canonical);
        Assert.Equal(1, report.A.Updated);
    }

    [Fact]
    public async Task An_unsubscribe_is_tagged_on_the_other_side_and_nobody_is_resubscribed()
    {
        await using var h = await SyncHarness.CreateAsync(
            StoreKind.Sqlite,
            b: new InMemoryAppOptions { Name = "B", IdPrefix = "b", Capabilities = InMemoryCapabilities.Marketing });
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncUnsubscribes = true } };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.Snapshot());

        h.B.Unsubscribe(b.Id);
        await h.SyncCleanlyAsync();

        Assert.Contains(SyncOptions.UnsubscribesTag, h.A.Get(a.Id)!.Tags);
        Assert.True(h.A.Get(a.Id)!.IsUnsubscribed);

        h.B.Resubscribe(b.Id);
        h.A.Set(a.Id, "title", Values.Text("Touched"));
        await h.SyncCleanlyAsync();

        Assert.True(h.A.Get(a.Id)!.IsUnsubscribed);
    }

    [Fact]
    public async Task A_read_only_side_is_never_written()
    {
        await using var h = await SyncHarness.CreateAsync(
            StoreKind.Sqlite,
            b: new InMemoryAppOptions { Name = "B", IdPrefix = "b", Capabilities = InMemoryCapabilities.ReadOnlyCrm });
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.CreatePerson("Bo", "Only", "bo@example.com");

        await h.SyncCleanlyAsync();

        Assert.Equal(0, h.B.Calls.WriteCalls);
        Assert.Equal(2, h.A.Count);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_dry_run_returns_the_plan_and_writes_nothing(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.CreatePerson("Bo", "Only", "bo@example.com");
        h.B.CreatePerson("No", "Mail");

        var plan = await h.SyncCleanlyAsync(new RunOptions { DryRun = true });

        Assert.Equal(1, plan.A.Created);
        Assert.Equal(1, plan.B.Created);
        Assert.Equal(1, plan.Excluded);
        Assert.Contains("Create “Ann Lee” in B from A.", plan.Samples);
        Assert.Contains("Create “Bo Only” in A from B.", plan.Samples);
        Assert.Equal(0, h.A.Calls.WriteCalls + h.B.Calls.WriteCalls);
        Assert.Equal(0, await h.ScalarAsync("SELECT COUNT(*) FROM links WHERE connection_id = @c"));
        Assert.Equal(0, await h.ScalarAsync("SELECT COUNT(*) FROM records WHERE connection_id = @c"));

        var real = await h.SyncCleanlyAsync();
        Assert.Equal(1, real.A.Created);
        Assert.Equal(1, real.B.Created);
    }

    [Fact]
    public async Task A_deletion_in_the_source_of_a_one_way_list_feed_deletes_in_the_target_only_when_turned_on()
    {
        await using var h = await SyncHarness.CreateAsync(
            StoreKind.Sqlite,
            b: new InMemoryAppOptions { Name = "B", IdPrefix = "b", Capabilities = InMemoryCapabilities.ListTarget });
        h.Settings = new ConnectionSettings { Direction = SyncDirection.AToB, Options = new SyncOptions { DeleteInTarget = true } };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.CreatePerson("Bob", "Ray", "bob@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.A.Delete(a.Id);
        var report = await h.SyncCleanlyAsync();

        Assert.True(h.B.IsDeleted(b.Id));
        Assert.Equal(1, report.B.Deleted);
        Assert.Equal(1, h.B.Count);
    }

    [Fact]
    public async Task A_refused_mapping_is_left_out_with_its_reason_and_the_rest_syncs()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings
        {
            Mappings = [new FieldMapping("emails", "emails"), new FieldMapping("org", "org"), new FieldMapping("birthday", "title") { Direction = MappingDirection.BToA }],
        };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.Set(a.Id, "org", Values.Text("Acme"));

        var report = await h.SyncCleanlyAsync();

        var warning = Assert.Single(report.Warnings);
        Assert.StartsWith("Mapping Birthday ↔ Job title left out: ", warning, StringComparison.Ordinal);
        Assert.Equal("Acme", Assert.Single(h.B.Snapshot()).Get("org")!.Canonical);
    }
}
