using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Salesmate.Tests;

/// <summary>
/// The version listing that stands in for a change feed: complete or an error, never a listing with a hole (a hole
/// would read as a deletion), and what a quiet poll costs.
/// </summary>
public sealed class SalesmateListingTests : SandboxAccount
{
    private const int Seeded = 620;

    public SalesmateListingTests()
        : base(Seeded)
    {
    }

    [Fact]
    public async Task A_quiet_poll_costs_one_search_per_250_contacts_and_reads_no_contact()
    {
        await using var connector = Connect();
        _ = await connector.GetSchemaAsync(Ct);
        var calls = Sandbox.ApiCalls;

        var versions = await VersionsAsync(connector);

        Assert.Equal(Seeded, versions.Count);
        Assert.Equal(calls + 3, Sandbox.ApiCalls);
    }

    [Fact]
    public async Task A_contact_deleted_during_a_version_listing_does_not_hide_another_one()
    {
        await using var connector = Connect();
        var ids = Sandbox.ContactIds();
        var listed = new List<string>();
        var pages = 0;

        await foreach (var page in connector.ListVersionsAsync(Ct))
        {
            listed.AddRange(page.Select(v => v.Id));
            if (++pages == 1)
            {
                // Deleted before the page boundary: an offset listing would now skip the first contact of the next page.
                Sandbox.DeleteContact(ids[10]);
            }
        }

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(ids.Where(id => id != ids[10]).Select(Text).Order(), listed.Where(id => id != Text(ids[10])).Order());
        Assert.Contains(Text(ids[250]), listed);
    }

    [Fact]
    public async Task A_full_listing_during_which_contacts_are_deleted_and_created_still_returns_every_live_contact_once()
    {
        await using var connector = Connect();
        var ids = Sandbox.ContactIds();
        var listed = new List<string>();
        var created = 0;

        await foreach (var page in connector.ListAllAsync(Ct))
        {
            listed.AddRange(page.Records.Select(r => r.Id));
            if (created == 0)
            {
                Sandbox.DeleteContact(Id(page.Records[3].Id));
                created = Sandbox.CreateContact(new JsonObject { ["lastName"] = "Late", ["owner"] = 1 });
            }
        }

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Contains(Text(created), listed);
        Assert.Empty(ids.Select(Text).Except(listed));
    }

    [Fact]
    public async Task Contacts_a_version_listing_shows_as_moved_are_read_with_one_search_per_250_and_a_deleted_one_is_left_out()
    {
        await using var connector = Connect();
        _ = await connector.GetSchemaAsync(Ct);
        var before = (await VersionsAsync(connector)).ToDictionary(v => v.Id, v => v.Version);
        var edited = Sandbox.ContactIds().Skip(10).Take(260).ToList();
        edited.ForEach(id => Sandbox.EditContact(id, new JsonObject { ["description"] = "edited " + Text(id) }));
        var moved = (await VersionsAsync(connector)).Where(v => before[v.Id] != v.Version).Select(v => v.Id).ToList();
        Sandbox.DeleteContact(edited[0]);
        var calls = Sandbox.ApiCalls;

        var read = await connector.GetAsync(moved, Ct);

        // Two searches (250 + 10 ids), then the one the search missed read alone: Salesmate no longer finds it.
        Assert.Equal(calls + 3, Sandbox.ApiCalls);
        Assert.Equal(edited.Skip(1).Select(Text).Order(), read.Select(r => r.Id).Order());
        Assert.All(read, r => Assert.Equal("edited " + r.Id, r.Get("note")?.Canonical));
    }

    private static async Task<List<RecordVersion>> VersionsAsync(IContactConnector connector)
    {
        var versions = new List<RecordVersion>();
        await foreach (var page in connector.ListVersionsAsync(Ct))
        {
            versions.AddRange(page);
        }

        return versions;
    }
}
