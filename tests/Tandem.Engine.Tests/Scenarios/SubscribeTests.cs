using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>The Subscribe action into a marketing app: new contacts and those who never subscribed, nobody else, once.</summary>
public sealed class SubscribeTests
{
    private static readonly Rule SubscribeAll = new() { Id = "newsletter", Actions = [new RuleAction(ActionKind.Subscribe)] };

    private static Task<SyncHarness> MarketingOnBAsync() => SyncHarness.CreateAsync(
        StoreKind.Sqlite,
        b: new InMemoryAppOptions { Name = "B", IdPrefix = "b", Capabilities = InMemoryCapabilities.Marketing });

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_contact_created_through_a_subscribe_rule_is_created_subscribed_and_the_next_sync_writes_nothing(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store, b: new InMemoryAppOptions { Name = "B", IdPrefix = "b", Capabilities = InMemoryCapabilities.Marketing });
        h.Settings = new ConnectionSettings { RulesA = [SubscribeAll] };
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");

        await h.SyncCleanlyAsync();
        var again = await h.SyncCleanlyAsync();

        var created = Assert.Single(h.B.Snapshot());
        Assert.False(created.NeverSubscribed);
        Assert.False(created.IsUnsubscribed);
        Assert.Equal(0, again.WriteCalls);
    }

    [Fact]
    public async Task Without_a_subscribe_rule_a_created_contact_is_left_never_subscribed()
    {
        await using var h = await MarketingOnBAsync();
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");

        await h.SyncCleanlyAsync();

        Assert.True(Assert.Single(h.B.Snapshot()).NeverSubscribed);
    }

    [Fact]
    public async Task An_existing_contact_who_never_subscribed_is_subscribed_once()
    {
        await using var h = await MarketingOnBAsync();
        h.Settings = new ConnectionSettings { RulesA = [SubscribeAll] };
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        var b = h.B.MarkNeverSubscribed(h.B.CreatePerson("Ann", "Lee", "ann@example.com").Id);
        var updatesBefore = h.B.Calls.Updates;

        var first = await h.SyncCleanlyAsync();
        var second = await h.SyncCleanlyAsync();

        Assert.False(h.B.Get(b.Id)!.NeverSubscribed);
        Assert.False(h.B.Get(b.Id)!.IsUnsubscribed);
        Assert.Equal(1, h.B.Calls.Updates - updatesBefore);
        Assert.Equal(1, first.B.WriteCalls);
        Assert.Equal(0, second.WriteCalls);
        Assert.Contains(await h.ActivityAsync(), n => n.Kind == "updated" && n.Message.EndsWith(": subscribed.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unsubscribed_contact_is_never_resubscribed_and_a_subscribed_one_is_not_written()
    {
        await using var h = await MarketingOnBAsync();
        h.Settings = new ConnectionSettings { RulesA = [SubscribeAll] };
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.CreatePerson("Bo", "Ng", "bo@example.com");
        var gone = h.B.Unsubscribe(h.B.CreatePerson("Ann", "Lee", "ann@example.com").Id);
        var subscribed = h.B.CreatePerson("Bo", "Ng", "bo@example.com");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.WriteCalls);
        Assert.True(h.B.Get(gone.Id)!.IsUnsubscribed);
        Assert.Equal(subscribed, h.B.Get(subscribed.Id));
    }

    [Fact]
    public async Task A_contact_unsubscribed_on_its_own_side_is_not_subscribed_on_the_other()
    {
        await using var h = await MarketingOnBAsync();
        h.Settings = new ConnectionSettings { RulesA = [SubscribeAll] };
        h.A.Unsubscribe(h.A.CreatePerson("Ann", "Lee", "ann@example.com").Id);
        h.A.Unsubscribe(h.A.CreatePerson("Bo", "Ng", "bo@example.com").Id);
        var b = h.B.MarkNeverSubscribed(h.B.CreatePerson("Bo", "Ng", "bo@example.com").Id);

        await h.SyncCleanlyAsync();

        Assert.True(Assert.Single(h.B.FindByEmail("ann@example.com")).NeverSubscribed);
        Assert.True(h.B.Get(b.Id)!.NeverSubscribed);
    }

    [Fact]
    public async Task Unsubscribe_beats_subscribe_on_the_same_contact()
    {
        await using var h = await MarketingOnBAsync();
        var both = new Rule { Id = "both", Actions = [new RuleAction(ActionKind.Subscribe), new RuleAction(ActionKind.Unsubscribe)] };
        h.Settings = new ConnectionSettings { RulesA = [both] };
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.CreatePerson("Bo", "Ng", "bo@example.com");
        var b = h.B.MarkNeverSubscribed(h.B.CreatePerson("Bo", "Ng", "bo@example.com").Id);

        await h.SyncCleanlyAsync();

        Assert.True(Assert.Single(h.B.FindByEmail("ann@example.com")).IsUnsubscribed);
        Assert.True(h.B.Get(b.Id)!.IsUnsubscribed);
        Assert.False(h.B.Get(b.Id)!.NeverSubscribed);
    }

    [Fact]
    public async Task A_target_that_cannot_subscribe_is_never_asked_to()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { RulesA = [SubscribeAll] };
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(1, report.B.Created);
        Assert.Equal(0, h.B.Calls.RefusedOperations);
        Assert.Equal(0, report.Failed);
    }
}
