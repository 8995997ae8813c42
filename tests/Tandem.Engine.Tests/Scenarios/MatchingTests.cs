using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>One person is one contact, whatever emails they hold and in whatever order (SYNC-INVARIANTS 18–20).</summary>
public sealed class MatchingTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_secondary_email_matches_a_primary_one_both_ways(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        var annA = h.A.CreatePerson("Ann", "Lee", "ann@work.example", "ann@home.example");
        var annB = h.B.CreatePerson("Ann", "Lee", "ann@home.example");
        var bobA = h.A.CreatePerson("Bob", "Ray", "bob@work.example");
        var bobB = h.B.CreatePerson("Bob", "Ray", "bob@home.example", "BOB@work.example ");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.A.Created + report.B.Created);
        Assert.Equal(2, await h.LinkCountAsync());
        Assert.Equal(2, h.A.Count);
        Assert.Equal(2, h.B.Count);

        // At a first match the winning app's (A's) list is taken whole.
        Assert.Equal(["ann@home.example", "ann@work.example"], h.B.EmailsOf(annB.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["bob@work.example"], h.B.EmailsOf(bobB.Id));
        Assert.Equal(2, h.A.EmailsOf(annA.Id).Count);
        Assert.Single(h.A.EmailsOf(bobA.Id));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task The_same_emails_in_a_different_order_are_one_person_and_nothing_is_written(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        h.A.CreatePerson("Ann", "Lee", "ann@work.example", "ann@home.example");
        h.B.CreatePerson("Ann", "Lee", "ann@home.example", "ann@work.example");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(1, await h.LinkCountAsync());
        Assert.Equal(0, report.WriteCalls);
        Assert.Equal(1, h.A.Count);
        Assert.Equal(1, h.B.Count);
    }

    [Fact]
    public async Task Addresses_that_differ_only_in_case_spaces_or_unicode_form_are_one_person()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.A.CreatePerson("José", "Lee", "jose\u0301@example.com", "other@example.com");
        h.B.CreatePerson("José", "Lee", "  JOSÉ@EXAMPLE.COM ");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(1, await h.LinkCountAsync());
        Assert.Equal(0, report.A.Created + report.B.Created);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task An_email_moved_from_one_contact_to_another_moves_on_the_other_side_and_creates_nothing(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        var annA = h.A.CreatePerson("Ann", "Lee", "ann@example.com", "shared@example.com");
        var bobA = h.A.CreatePerson("Bob", "Ray", "bob@example.com");
        await h.SyncCleanlyAsync();
        var annB = h.B.FindByEmail("ann@example.com").Single();
        var bobB = h.B.FindByEmail("bob@example.com").Single();

        h.A.SetEmails(annA.Id, "ann@example.com");
        h.A.SetEmails(bobA.Id, "bob@example.com", "shared@example.com");
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.A.Created + report.B.Created);
        Assert.Equal(2, await h.LinkCountAsync());
        Assert.Equal(2, h.B.Count);
        Assert.Equal(["ann@example.com"], h.B.EmailsOf(annB.Id));
        Assert.Equal(["bob@example.com", "shared@example.com"], h.B.EmailsOf(bobB.Id));
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_chain_of_shared_addresses_is_reported_never_guessed_and_is_matched_once_the_user_breaks_it(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        var p = h.A.CreatePerson("Pat", "Lee", "x@example.com", "y@example.com");
        var q = h.B.CreatePerson("Pat", "Lee", "y@example.com", "z@example.com");
        var r = h.A.CreatePerson("Robin", "Lee", "z@example.com");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, await h.LinkCountAsync());
        Assert.Equal(0, report.WriteCalls);
        Assert.Equal(3, report.Excluded);
        var health = await h.HealthAsync();
        Assert.Equal(new[] { p.Id, q.Id, r.Id }.Order(StringComparer.Ordinal), health.Select(row => row.RecordId).Order(StringComparer.Ordinal));
        Assert.All(health, row => Assert.Contains("does not guess", row.Reason, StringComparison.Ordinal));

        h.B.SetEmails(q.Id, "y@example.com");
        await h.SyncCleanlyAsync();

        Assert.Equal(2, await h.LinkCountAsync());
        Assert.Equal(2, h.A.Count);
        Assert.Equal(2, h.B.Count);
        Assert.Equal(["z@example.com"], h.B.FindByEmail("z@example.com").Select(c => h.B.EmailsOf(c.Id).Single()));
        Assert.Equal(["x@example.com", "y@example.com"], h.B.EmailsOf(q.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_email_that_belongs_to_a_linked_contact_is_reported_for_a_new_contact_on_the_other_side()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var ann = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();
        h.A.SetEmails(ann.Id, "ann@example.com", "ann.lee@example.com");
        var newcomer = h.B.CreatePerson("Annie", "Lee", "ANN.LEE@example.com");

        await h.SyncCleanlyAsync();

        Assert.Equal(1, h.A.Count);
        var row = Assert.Single(await h.HealthAsync(), row => row.RecordId == newcomer.Id);
        Assert.Contains("already belongs to another linked contact in A", row.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_second_connection_over_the_same_two_apps_links_every_contact_and_creates_none(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        h.A.CreatePerson("Ann", "Lee", "ann@work.example", "ann@home.example", "ann@other.example");
        h.A.CreatePerson("Bob", "Ray", "bob@example.com");
        h.B.CreatePerson("Cy", "Dow", "cy@home.example", "cy@work.example");
        h.B.CreatePerson("Di", "Fox", "di@work.example", "di@home.example");
        h.A.CreatePerson("Di", "Fox", "di@home.example");
        await h.SyncCleanlyAsync();
        Assert.Equal(4, await h.LinkCountAsync());

        await using var again = await h.AnotherConnectionAsync();
        var report = await again.SyncCleanlyAsync();

        Assert.Equal(0, report.A.Created + report.B.Created);
        Assert.Equal(0, report.WriteCalls);
        Assert.Equal(4, await again.LinkCountAsync());
        Assert.Equal(4, h.A.Count);
        Assert.Equal(4, h.B.Count);
    }
}
