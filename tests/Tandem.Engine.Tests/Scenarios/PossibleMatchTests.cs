using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Engine.Matching;
using Tandem.Engine.Tests.Harness;
using Tandem.Storage.Matching;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// The "Possible matches" review queue: contacts that share no key but have the same name and the same phone
/// number or company are not linked silently, nor created; the user links them or keeps them apart, and the
/// next runs respect the choice.
/// </summary>
public sealed class PossibleMatchTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task The_same_name_and_phone_with_different_emails_waits_for_review_and_creates_nothing(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        var a = WithPhone(h.A, h.A.CreatePerson("Ann", "Lee", "ann@work.example"), "+32 470 12 34 56");
        var b = WithPhone(h.B, h.B.CreatePerson("ann", " Lee", "ann@home.example"), "+32470123456");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.A.Created + report.B.Created);
        Assert.Equal(0, await h.LinkCountAsync());
        var pair = Assert.Single(await PendingAsync(h));
        Assert.Equal((a.Id, b.Id), (pair.AId, pair.BId));
        Assert.All(await h.HealthAsync(), row => Assert.StartsWith("Possible match: a contact in ", row.Reason, StringComparison.Ordinal));
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    [Fact]
    public async Task The_same_name_and_company_waits_for_review_too()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        WithCompany(h.A, h.A.CreatePerson("Bob", "Ray", "bob@acme.example"), "Acme Ltd");
        WithCompany(h.B, h.B.CreatePerson("Bob", "Ray", "bob.ray@mail.example"), " ACME  ltd");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.A.Created + report.B.Created);
        Assert.Single(await PendingAsync(h));
    }

    [Fact]
    public async Task The_same_name_alone_is_no_possible_match_and_both_are_created()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        WithPhone(h.A, h.A.CreatePerson("Ann", "Lee", "ann@work.example"), "+32470123456");
        WithPhone(h.B, h.B.CreatePerson("Ann", "Lee", "ann@home.example"), "+32470999999");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(2, report.A.Created + report.B.Created);
        Assert.Empty(await PendingAsync(h));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_pair_the_user_links_is_linked_by_the_next_run_and_syncs_as_one(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        var a = WithPhone(h.A, h.A.CreatePerson("Ann", "Lee", "ann@work.example"), "+32470123456");
        var b = WithPhone(h.B, h.B.CreatePerson("Ann", "Lee", "ann@home.example"), "+32470123456");
        await h.SyncCleanlyAsync();
        var pair = Assert.Single(await PendingAsync(h));

        Assert.True(await Queue(h).DecideAsync(h.ConnectionId, pair.Id, PossibleMatchDecision.Link, TestContext.Current.CancellationToken));
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(1, await h.LinkCountAsync());
        Assert.Equal(0, report.A.Created + report.B.Created);
        Assert.Equal((1, 1), (h.A.Count, h.B.Count));
        Assert.Empty(await PendingAsync(h));
        Assert.All(await h.HealthAsync(), row => Assert.Null(row.Reason));

        // At a first match the winning app's (A's) values are taken; from now on an edit on either side flows.
        Assert.Equal(["ann@work.example"], h.B.EmailsOf(b.Id));
        h.B.Set(b.Id, StandardFieldKeys.Title, Values.Text("Buyer"));
        await h.SyncCleanlyAsync();
        Assert.Equal("Buyer", (h.A.Get(a.Id)!.Get(StandardFieldKeys.Title) as ScalarValue)?.Text);
        Assert.False(await Queue(h).DecideAsync(h.ConnectionId, pair.Id, PossibleMatchDecision.KeepApart, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_pair_kept_apart_is_synced_as_two_people_and_never_proposed_again(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        var a = WithPhone(h.A, h.A.CreatePerson("Ann", "Lee", "ann@work.example"), "+32470123456");
        var b = WithPhone(h.B, h.B.CreatePerson("Ann", "Lee", "ann@home.example"), "+32470123456");
        await h.SyncCleanlyAsync();
        var pair = Assert.Single(await PendingAsync(h));

        Assert.True(await Queue(h).DecideAsync(h.ConnectionId, pair.Id, PossibleMatchDecision.KeepApart, TestContext.Current.CancellationToken));
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(2, report.A.Created + report.B.Created);
        Assert.Equal(2, await h.LinkCountAsync());
        Assert.Equal((2, 2), (h.A.Count, h.B.Count));
        Assert.Single(h.B.FindByEmail("ann@work.example"));
        Assert.Single(h.A.FindByEmail("ann@home.example"));

        // An edit of either contact proposes nothing again.
        h.A.Set(a.Id, StandardFieldKeys.Title, Values.Text("Buyer"));
        h.B.Set(b.Id, StandardFieldKeys.Title, Values.Text("Seller"));
        await h.SyncCleanlyAsync();
        Assert.Empty(await PendingAsync(h));
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    [Fact]
    public async Task A_pair_that_comes_to_share_an_email_is_linked_by_it_and_leaves_the_queue()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        WithPhone(h.A, h.A.CreatePerson("Ann", "Lee", "ann@work.example"), "+32470123456");
        var b = WithPhone(h.B, h.B.CreatePerson("Ann", "Lee", "ann@home.example"), "+32470123456");
        await h.SyncCleanlyAsync();
        Assert.Single(await PendingAsync(h));

        h.B.SetEmails(b.Id, "ann@home.example", "ann@work.example");
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(1, await h.LinkCountAsync());
        Assert.Equal(0, report.A.Created + report.B.Created);
        Assert.Empty(await PendingAsync(h));
    }

    [Fact]
    public async Task One_contact_like_two_on_the_other_side_is_proposed_with_each_and_linking_one_creates_the_other()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        WithCompany(h.A, h.A.CreatePerson("Cy", "Dow", "cy@acme.example"), "Acme");
        var first = WithCompany(h.B, h.B.CreatePerson("Cy", "Dow", "cy@home.example"), "Acme");
        WithCompany(h.B, h.B.CreatePerson("Cy", "Dow", "cyrus@mail.example"), "Acme");
        await h.SyncCleanlyAsync();
        var pending = await PendingAsync(h);
        Assert.Equal(2, pending.Count);
        Assert.Contains("2 contacts in B have the same name", (await h.HealthAsync()).Select(r => r.Reason).OfType<string>().Single(r => r.Contains("2 contacts", StringComparison.Ordinal)), StringComparison.Ordinal);

        await Queue(h).DecideAsync(h.ConnectionId, pending.Single(p => p.BId == first.Id).Id, PossibleMatchDecision.Link, TestContext.Current.CancellationToken);
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(2, await h.LinkCountAsync());
        Assert.Equal(1, report.A.Created);
        Assert.Equal(0, report.B.Created);
        Assert.Empty(await PendingAsync(h));
    }

    private static PossibleMatchStore Queue(SyncHarness h) => new(h.Database, h.Time);

    private static Task<IReadOnlyList<StoredPossibleMatch>> PendingAsync(SyncHarness h) => Queue(h).ListPendingAsync(h.ConnectionId, 100, TestContext.Current.CancellationToken);

    private static ContactRecord WithPhone(Connectors.InMemory.InMemoryApp app, ContactRecord person, string phone) =>
        app.Set(person.Id, StandardFieldKeys.Phones, new ListValue(FieldType.Phone, [new LabelledValue("mobile", Values.Phone(phone))]));

    private static ContactRecord WithCompany(Connectors.InMemory.InMemoryApp app, ContactRecord person, string company) =>
        app.Set(person.Id, StandardFieldKeys.Org, Values.Text(company));
}
