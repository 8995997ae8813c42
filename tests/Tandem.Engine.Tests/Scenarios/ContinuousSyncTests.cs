using System.Collections.Immutable;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

public sealed class ContinuousSyncTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task One_edit_costs_exactly_one_write_on_the_other_side_however_many_syncs_follow(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));
        h.B.Calls.Reset();
        h.A.Calls.Reset();

        h.A.Set(a.Id, "title", Values.Text("CFO"));
        await h.SyncCleanlyAsync();
        await h.SyncCleanlyAsync();
        await h.SyncCleanlyAsync();

        Assert.Equal("CFO", h.B.Get(b.Id)!.Get("title")!.Canonical);
        Assert.Equal(1, h.B.Calls.WriteCalls);
        Assert.Equal(1, h.B.Calls.Updates);
        Assert.Equal(0, h.A.Calls.WriteCalls);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_feed_that_names_versions_only_costs_no_read_for_the_echoes_of_Tandems_own_writes(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(
            store,
            new() { Name = "A", IdPrefix = "a", FeedNamesVersionsOnly = true },
            new() { Name = "B", IdPrefix = "b", FeedNamesVersionsOnly = true });
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.CreatePerson("Bob", "Ray", "bob@example.com");
        h.B.CreatePerson("Cai", "Wu", "cai@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));
        Assert.Single(h.A.FindByEmail("cai@example.com"));
        h.A.Calls.Reset();
        h.B.Calls.Reset();

        // The feeds now name the two records created in B and the one created in A: versions Tandem holds.
        var quiet = await h.SyncCleanlyAsync();
        Assert.Equal(0, h.A.Calls.GetCalls);
        Assert.Equal(0, h.B.Calls.GetCalls);
        Assert.Equal(0, h.A.Calls.WriteCalls + h.B.Calls.WriteCalls);
        Assert.Equal(0, quiet.A.Read + quiet.B.Read);

        h.A.Set(a.Id, "title", Values.Text("CFO"));
        await h.SyncCleanlyAsync();
        Assert.Equal(1, h.A.Calls.GetCalls);
        Assert.Equal(0, h.B.Calls.GetCalls);
        Assert.Equal("CFO", h.B.Get(b.Id)!.Get("title")!.Canonical);
    }

    [Fact]
    public async Task A_cleared_field_clears_its_counterpart_unless_its_row_ignores_empty_values()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings
        {
            Mappings =
            [
                new FieldMapping("emails", "emails"),
                new FieldMapping("title", "title") { IgnoreEmptyValues = true },
                new FieldMapping("org", "org"),
            ],
        };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.Set(a.Id, "title", Values.Text("CFO"));
        h.A.Set(a.Id, "org", Values.Text("Acme"));
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));
        Assert.Equal("CFO", h.B.Get(b.Id)!.Get("title")!.Canonical);

        h.A.Set(a.Id, "title", null);
        h.A.Set(a.Id, "org", null);
        await h.SyncCleanlyAsync();

        Assert.Equal("CFO", h.B.Get(b.Id)!.Get("title")!.Canonical);
        Assert.Null(h.B.Get(b.Id)!.Get("org"));
    }

    [Fact]
    public async Task Different_fields_changed_on_the_two_sides_both_flow()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.A.Set(a.Id, "title", Values.Text("CFO"));
        h.B.Set(b.Id, "org", Values.Text("Globex"));
        var report = await h.SyncCleanlyAsync();

        Assert.Equal("Globex", h.A.Get(a.Id)!.Get("org")!.Canonical);
        Assert.Equal("CFO", h.B.Get(b.Id)!.Get("title")!.Canonical);
        Assert.Equal(0, report.Conflicts);
    }

    [Fact]
    public async Task The_same_field_changed_on_both_sides_is_settled_by_the_winning_app_and_the_losing_value_is_recorded()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { WinningSide = Side.B };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.A.Set(a.Id, "title", Values.Text("Loser title"));
        h.B.Set(b.Id, "title", Values.Text("Winner title"));
        var report = await h.SyncCleanlyAsync();

        Assert.Equal("Winner title", h.A.Get(a.Id)!.Get("title")!.Canonical);
        Assert.Equal("Winner title", h.B.Get(b.Id)!.Get("title")!.Canonical);
        Assert.Equal(1, report.Conflicts);
        var conflict = Assert.Single(await h.ActivityAsync(), row => row.Kind == "conflict");
        Assert.Contains("Loser title", conflict.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_sides_changed_to_the_same_value_writes_nothing()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.A.Set(a.Id, "title", Values.Text("CFO"));
        h.B.Set(b.Id, "title", Values.Text("CFO"));
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.WriteCalls);
        Assert.Equal(0, report.Conflicts);
    }

    [Fact]
    public async Task A_new_etag_with_the_same_content_is_not_a_change()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();

        h.A.Touch(a.Id);
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(1, report.A.Read);
        Assert.Equal(0, report.WriteCalls);
    }

    [Fact]
    public async Task An_email_change_updates_the_linked_contact_instead_of_creating_a_new_one()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.A.Set(a.Id, "emails", new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email("ann.lee@example.com"))]));
        await h.SyncCleanlyAsync();

        Assert.Equal(1, h.B.Count);
        Assert.Equal("ann.lee@example.com", ((ListValue)h.B.Get(b.Id)!.Get("emails")!).Primary.Text);
    }

    [Fact]
    public async Task Phone_numbers_in_different_formats_are_the_same_value_and_cause_no_update()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.Set(a.Id, "phones", new ListValue(FieldType.Phone, [new LabelledValue("work", Values.Phone("+32 2 555 12 34"))]));
        var b = h.B.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.Set(b.Id, "phones", new ListValue(FieldType.Phone, [new LabelledValue("work", Values.Phone("02 555 12 34", "BE"))]));

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.WriteCalls);
    }

    [Fact]
    public async Task An_expired_cursor_rescans_and_writes_nothing_for_unchanged_contacts()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        for (var i = 0; i < 30; i++)
        {
            h.A.CreatePerson("P" + i, "Q", $"p{i}@example.com");
        }

        await h.SyncCleanlyAsync();
        h.A.Faults.ExpireNextCursors = 1;
        h.A.Calls.Reset();

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(30, report.A.Read);
        Assert.Equal(0, report.WriteCalls);
        Assert.True(h.A.Calls.ListPages > 0);
    }

    [Fact]
    public async Task Changes_made_while_the_first_listing_runs_are_picked_up_by_the_next_sync()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        var b = Assert.Single(h.B.FindByEmail("ann@example.com"));

        h.A.Update(a.Id, new FieldChange("title", Values.Text("CTO")), new FieldChange("org", Values.Text("Initech")));
        await h.SyncCleanlyAsync();

        var record = h.B.Get(b.Id)!;
        Assert.Equal(ImmutableArray.Create("CTO", "Initech"), [record.Get("title")!.Canonical, record.Get("org")!.Canonical]);
    }
}
