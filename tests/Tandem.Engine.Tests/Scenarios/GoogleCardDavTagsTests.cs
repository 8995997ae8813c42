using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// Google Contacts (A, the sandbox over HTTP) ↔ CardDAV (B, a real Radicale): contact groups and CATEGORIES are the
/// same tags, synced both ways by the default mapping, tag by tag. Skipped, with the reason, when Radicale is not installed.
/// </summary>
public sealed class GoogleCardDavTagsTests
{
    [Fact]
    public async Task Contact_groups_and_categories_sync_both_ways_and_a_missing_group_is_created()
    {
        var google = new GoogleSide();
        var carddav = new CardDavSide();
        await using var pair = await PairHarness.StartAsync(google, carddav);
        Assert.SkipWhen(!carddav.IsAvailable, "Radicale is not installed (apt-get install radicale); the Google ↔ CardDAV test is skipped.");
        var ann = await google.AddAsync("Ann", "Lee", "ann@example.com");
        await google.TagAsync(ann, "Book club");
        await google.TagAsync(ann, "Golf");
        var bob = await carddav.AddAsync("Bob", "Ray", "bob@example.com");
        await carddav.TagAsync(bob, "Chess Club");

        await pair.SyncAsync();

        var annCard = await carddav.FindAsync("ann@example.com");
        Assert.Equal(["Book club", "Golf"], annCard.Tags);
        Assert.Contains("CATEGORIES:Book club,Golf", await carddav.CardTextAsync(annCard.Id), StringComparison.Ordinal);
        var bobInGoogle = await google.FindAsync("bob@example.com");
        Assert.Equal(["Chess Club"], bobInGoogle.Tags);
        Assert.Contains(Groups(google), g => g.Name == "Chess Club" && g.Members.Contains(bobInGoogle.Id));

        // In the same run: a category added on the card, a group left in Google.
        await carddav.TagAsync(annCard.Id, "VIP");
        await google.UntagAsync(ann, "Book club");
        await pair.SyncAsync();

        Assert.Equal(["Golf", "VIP"], (await google.ReadAsync(ann)).Tags);
        Assert.Equal(["Golf", "VIP"], (await carddav.ReadAsync(annCard.Id)).Tags);
        Assert.Contains(Groups(google), g => g.Name == "VIP" && g.Members.Contains(ann));
        Assert.DoesNotContain(Groups(google), g => g.Name == "Book club" && g.Members.Contains(ann));
        Assert.Equal(0, (await pair.SyncAsync()).WriteCalls);
    }

    [Fact]
    public async Task Googles_Friends_group_is_the_category_Friends_and_a_Family_category_stays_on_the_card_as_Google_takes_no_new_members()
    {
        var google = new GoogleSide();
        var carddav = new CardDavSide();
        await using var pair = await PairHarness.StartAsync(google, carddav);
        Assert.SkipWhen(!carddav.IsAvailable, "Radicale is not installed (apt-get install radicale); the Google ↔ CardDAV test is skipped.");
        var ann = await google.AddAsync("Ann", "Lee", "ann@example.com");
        google.Sandbox.EditContact(ann, p => ((JsonArray)p["memberships"]!).Add(new JsonObject { ["contactGroupMembership"] = new JsonObject { ["contactGroupResourceName"] = "contactGroups/friends" } }));
        var bob = await carddav.AddAsync("Bob", "Ray", "bob@example.com");
        await carddav.TagAsync(bob, "Family");

        await pair.SyncAsync();

        var annCard = await carddav.FindAsync("ann@example.com");
        Assert.Equal(["Friends"], annCard.Tags);
        Assert.Contains("CATEGORIES:Friends", await carddav.CardTextAsync(annCard.Id), StringComparison.Ordinal);
        Assert.Empty((await google.FindAsync("bob@example.com")).Tags);
        Assert.DoesNotContain(Groups(google), g => g.Name == "Family");

        // Nothing moves by itself afterwards: Bob's card keeps Family, and a category removed on the card leaves Friends.
        Assert.Equal(0, (await pair.SyncAsync()).WriteCalls);
        Assert.Equal(["Family"], (await carddav.ReadAsync(bob)).Tags);
        await carddav.UntagAsync(annCard.Id, "Friends");
        await pair.SyncAsync();

        Assert.Empty((await google.ReadAsync(ann)).Tags);
        Assert.DoesNotContain("contactGroups/friends", google.Sandbox.Person(ann)!["memberships"]!.AsArray().Select(m => m?["contactGroupMembership"]?["contactGroupResourceName"]?.GetValue<string>()));
    }

    /// <summary>The user contact groups as the sandbox holds them, with their members.</summary>
    private static IReadOnlyList<(string Name, IReadOnlyList<string> Members)> Groups(GoogleSide google) => google.Sandbox.UserGroups();
}
