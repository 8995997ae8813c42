using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.GoogleContacts.Tests;

/// <summary>
/// Real accounts (issue 14): contacts linked to a Google profile (PROFILE-source items beside the contact's) and the
/// fixed quota on full syncs.
/// </summary>
public sealed partial class GoogleContactsConformanceTests
{
    [Fact]
    public async Task A_contact_linked_to_a_google_profile_reads_and_writes_as_the_contact_alone()
    {
        await using var connector = Connect();
        var created = Assert.Single(await connector.WriteAsync([NewContact("ref-profile", "conny@example.com")], Ct)).Record!;
        sandbox.LinkToProfile(created.Id, "112233", "Constance", "Formance-Profile", "constance@profile.example.com");
        var read = Assert.Single(await connector.GetAsync([created.Id], Ct));

        var written = Assert.Single(await connector.WriteAsync(
            [new UpdateOperation("u-profile", created.Id, read.Version) { Changes = [new FieldChange(StandardFieldKeys.Title, Values.Text("Lead tester"))] }], Ct));

        Assert.True(written.Succeeded, written.Reason);
        Assert.Equal(["conny@example.com"], ((ListValue)read.Get(StandardFieldKeys.Emails)!).Items.Select(i => i.Value.Canonical));
        Assert.Equal("Conny", read.Get(StandardFieldKeys.FirstName)!.Canonical);
        var names = sandbox.Person(created.Id)!["names"]!.AsArray();
        Assert.Equal(["Conny"], names.Where(n => n!["metadata"]!["source"]!["type"]!.GetValue<string>() == "CONTACT").Select(n => n!["givenName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reading_the_schema_spends_nothing_of_the_full_sync_quota_so_the_listing_after_it_is_not_refused()
    {
        sandbox.Faults.FullSyncsPerMinute = 1;
        await using var connector = Connect();

        await connector.GetSchemaAsync(Ct);
        var pages = await ListAsync(connector);

        Assert.Equal(0, sandbox.FullSyncsRefused);
        Assert.Equal(SeededContacts, pages.Sum(p => p.Records.Count));
    }
}
