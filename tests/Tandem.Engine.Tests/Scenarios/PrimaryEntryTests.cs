using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Writes keep the source's primary email primary; a round trip never changes which email is primary.</summary>
public sealed class PrimaryEntryTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_created_contact_keeps_the_sources_primary_email_first_even_when_it_sorts_last(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        h.A.CreatePerson("Ann", "Lee", "zoe.work@example.com", "ann.home@example.com", "ann.other@example.com");

        await h.SyncCleanlyAsync();

        var created = h.B.FindByEmail("zoe.work@example.com").Single();
        Assert.Equal(["zoe.work@example.com", "ann.home@example.com", "ann.other@example.com"], h.B.EmailsOf(created.Id));
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    [Fact]
    public async Task An_update_that_adds_an_email_keeps_the_primary_on_the_other_side()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var ann = h.A.CreatePerson("Ann", "Lee", "zoe.work@example.com");
        await h.SyncCleanlyAsync();
        var copy = h.B.FindByEmail("zoe.work@example.com").Single();

        h.A.SetEmails(ann.Id, "zoe.work@example.com", "ann.home@example.com");
        await h.SyncCleanlyAsync();

        Assert.Equal(["zoe.work@example.com", "ann.home@example.com"], h.B.EmailsOf(copy.Id));
        Assert.Equal(["zoe.work@example.com", "ann.home@example.com"], h.A.EmailsOf(ann.Id));
    }

    [Fact]
    public async Task An_edit_on_the_other_side_comes_back_without_moving_the_primary()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var ann = h.A.CreatePerson("Ann", "Lee", "zoe.work@example.com", "ann.home@example.com");
        await h.SyncCleanlyAsync();
        var copy = h.B.FindByEmail("zoe.work@example.com").Single();

        h.B.SetEmails(copy.Id, "zoe.work@example.com", "ann.home@example.com", "ann.new@example.com");
        await h.SyncCleanlyAsync();

        Assert.Equal(["zoe.work@example.com", "ann.home@example.com", "ann.new@example.com"], h.A.EmailsOf(ann.Id));
    }

    [Fact]
    public async Task Two_contacts_with_the_same_emails_and_different_primaries_each_keep_their_own()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var a = h.A.CreatePerson("Ann", "Lee", "ann@work.example", "ann@home.example");
        var b = h.B.CreatePerson("Ann", "Lee", "ann@home.example", "ann@work.example");

        await h.SyncCleanlyAsync();
        var again = await h.SyncCleanlyAsync();

        Assert.Equal(0, again.WriteCalls);
        Assert.Equal(["ann@work.example", "ann@home.example"], h.A.EmailsOf(a.Id));
        Assert.Equal(["ann@home.example", "ann@work.example"], h.B.EmailsOf(b.Id));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite, true)]
    [InlineData(StoreKind.Sqlite, false)]
    [InlineData(StoreKind.PostgreSql, true)]
    public async Task A_change_of_only_which_email_is_primary_flows_to_the_other_side_and_then_all_is_quiet(StoreKind store, bool onA)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        var ann = h.A.CreatePerson("Ann", "Lee", "ann@work.example", "ann@home.example", "ann@other.example");
        await h.SyncCleanlyAsync();
        var copy = h.B.FindByEmail("ann@work.example").Single();
        var (from, to, fromId, toId) = onA ? (h.A, h.B, ann.Id, copy.Id) : (h.B, h.A, copy.Id, ann.Id);

        from.SetEmails(fromId, "ann@home.example", "ann@work.example", "ann@other.example");
        var report = await h.SyncCleanlyAsync();

        Assert.Equal("ann@home.example", to.EmailsOf(toId)[0]);
        Assert.Equal(["ann@home.example", "ann@other.example", "ann@work.example"], to.EmailsOf(toId).Order(StringComparer.Ordinal));
        Assert.Equal(1, report.WriteCalls);
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }
}
