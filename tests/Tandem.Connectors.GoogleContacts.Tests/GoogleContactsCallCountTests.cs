using System.Collections.Immutable;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.GoogleContacts.Tests;

/// <summary>How many calls reading costs (issue 3): listing pages of 1,000, and contact groups read only when needed.</summary>
public sealed partial class GoogleContactsConformanceTests
{
    [Fact]
    public async Task Changed_contacts_in_no_user_group_are_read_without_reading_the_groups()
    {
        await using var writer = Connect();
        var cursor = (await ListAsync(writer))[^1].CursorAfter!;
        var created = Assert.Single(await writer.WriteAsync([NewContact("ref-plain", "plain@example.com")], Ct));
        await using var reader = Connect();
        var calls = sandbox.ApiCalls;

        var changes = await ReadAllChangesAsync(reader, cursor);

        Assert.Equal([created.Record!.Id], changes.Changed.Select(r => r.Id));
        Assert.Equal(calls + 1, sandbox.ApiCalls);
    }

    [Fact]
    public async Task Changed_contacts_in_a_user_group_are_read_with_their_tags_and_one_groups_read()
    {
        await using var writer = Connect();
        var cursor = (await ListAsync(writer))[^1].CursorAfter!;
        var tagged = NewContact("ref-tagged", "tagged@example.com") with { Tags = ImmutableSortedSet.Create(StringComparer.Ordinal, "Counted") };
        var created = Assert.Single(await writer.WriteAsync([tagged], Ct));
        await using var reader = Connect();
        var calls = sandbox.ApiCalls;

        var changes = await ReadAllChangesAsync(reader, cursor);

        Assert.Equal(["Counted"], Assert.Single(changes.Changed).Tags);
        Assert.Equal(calls + 2, sandbox.ApiCalls);
        Assert.Equal(created.Record!.Id, changes.Changed[0].Id);
    }

    [Fact]
    public async Task A_full_listing_reads_pages_of_a_thousand()
    {
        await using var connector = Connect();

        var pages = await ListAsync(connector);

        Assert.Equal([1000, 100], pages.Select(p => p.Records.Count));
    }
}
