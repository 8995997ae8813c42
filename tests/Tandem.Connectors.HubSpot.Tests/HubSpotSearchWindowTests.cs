using Tandem.Sandbox.HubSpot;

namespace Tandem.Connectors.HubSpot.Tests;

/// <summary>
/// HubSpot's search pages through at most 10,000 results of one query (a lower cap here, 300, so the test stays small):
/// the feed starts a new search from the newest change for each page, so a backlog larger than the cap is read whole.
/// </summary>
public sealed class HubSpotSearchWindowTests() : SandboxFixture(new HubSpotSandboxOptions { SeedContacts = 500, SearchResultCap = 300 })
{
    [Fact]
    public async Task A_backlog_larger_than_the_search_cap_is_delivered_whole_and_once()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var edited = Sandbox.ContactIds().Take(450).ToList();
        foreach (var id in edited)
        {
            Sandbox.EditContact(id, new Dictionary<string, string> { ["jobtitle"] = "Edited " + id });
        }

        var changes = await ChangesAsync(connector, cursor);
        var quiet = await ChangesAsync(connector, changes.Cursor);

        Assert.Equal(edited.Order(StringComparer.Ordinal), changes.Changed.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Empty(quiet.Changed);
    }
}
