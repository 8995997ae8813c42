using Tandem.Connectors.Contract;

namespace Tandem.Connectors.InMemory.Tests;

public sealed class InMemorySubscribeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static InMemoryApp Marketing() => new(new() { Capabilities = InMemoryCapabilities.Marketing });

    [Fact]
    public async Task A_marketing_app_creates_a_contact_subscribed_only_when_asked_and_otherwise_as_never_subscribed()
    {
        var app = Marketing();
        await using var connector = app.Connect();

        var results = await connector.WriteAsync([Ops.Create("sub@example.com") with { Subscribe = true }, Ops.Create("plain@example.com")], Ct);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.False(app.Get(results[0].Record!.Id)!.NeverSubscribed);
        Assert.True(app.Get(results[1].Record!.Id)!.NeverSubscribed);
        Assert.Equal(app.Get(results[1].Record!.Id), results[1].Record);
    }

    [Fact]
    public async Task Subscribe_subscribes_a_contact_who_never_subscribed()
    {
        var app = Marketing();
        var record = app.MarkNeverSubscribed(app.CreatePerson("Ann", "Lee", "ann@example.com").Id);
        await using var connector = app.Connect();

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation(Ops.NextId(), record.Id, record.Version) { Subscribe = true }], Ct));

        Assert.True(result.Succeeded);
        Assert.False(app.Get(record.Id)!.NeverSubscribed);
        Assert.False(app.Get(record.Id)!.IsUnsubscribed);
    }

    [Fact]
    public async Task Subscribe_never_resubscribes_an_unsubscribed_contact_and_an_unsubscribe_in_the_same_write_wins()
    {
        var app = Marketing();
        var gone = app.Unsubscribe(app.CreatePerson("Ann", "Lee", "ann@example.com").Id);
        var never = app.MarkNeverSubscribed(app.CreatePerson("Bo", "Ng", "bo@example.com").Id);
        await using var connector = app.Connect();

        await connector.WriteAsync(
            [
                new UpdateOperation(Ops.NextId(), gone.Id, gone.Version) { Subscribe = true },
                new UpdateOperation(Ops.NextId(), never.Id, never.Version) { Subscribe = true, Unsubscribe = true },
            ],
            Ct);

        Assert.True(app.Get(gone.Id)!.IsUnsubscribed);
        Assert.True(app.Get(never.Id)!.IsUnsubscribed);
        Assert.False(app.Get(never.Id)!.NeverSubscribed);
    }

    [Fact]
    public async Task An_app_that_cannot_subscribe_refuses_a_subscribe()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm });
        var record = app.CreatePerson("Ann", "Lee", "ann@example.com");
        await using var connector = app.Connect();

        var results = await connector.WriteAsync([new UpdateOperation(Ops.NextId(), record.Id, record.Version) { Subscribe = true }, Ops.Create("new@example.com") with { Subscribe = true }], Ct);

        Assert.All(results, r => Assert.Equal(WriteFailureKind.Rejected, r.Failure));
        Assert.Equal(1, app.Count);
    }

    [Fact]
    public void The_crm_and_the_address_book_offer_gets_deleted_and_only_the_marketing_app_offers_subscribe()
    {
        Assert.Contains(Domain.Configuration.FilterKind.GetsDeleted, InMemoryCapabilities.Crm.Filters);
        Assert.Contains(Domain.Configuration.FilterKind.GetsDeleted, InMemoryCapabilities.AddressBook.Filters);
        Assert.True(InMemoryCapabilities.Marketing.CanSubscribe);
        Assert.Contains(Domain.Configuration.ActionKind.Subscribe, InMemoryCapabilities.Marketing.Actions);
        Assert.False(InMemoryCapabilities.Crm.CanSubscribe);
        Assert.DoesNotContain(Domain.Configuration.ActionKind.Subscribe, InMemoryCapabilities.Crm.Actions);
    }
}
