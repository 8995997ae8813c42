using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.GoogleContacts.Tests;

/// <summary>
/// Google's old system groups (Friends, Family, Coworkers) as tags: read by the name Google shows, removed from a contact,
/// never added (they take no new members), and never shadowed by a user group of the same name.
/// </summary>
public sealed partial class GoogleContactsConformanceTests
{
    [Fact]
    public async Task A_contact_in_the_Friends_system_group_reads_with_the_tag_Friends_and_loses_it_when_the_tag_is_removed()
    {
        var id = sandbox.ResourceNames()[0];
        sandbox.EditContact(id, p => ((JsonArray)p["memberships"]!).Add(Membership("contactGroups/friends")));
        await using var connector = Connect();
        var read = Assert.Single(await connector.GetAsync([id], Ct));
        Assert.Contains("Friends", read.Tags);

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation("op-unfriend", id, read.Version) { RemoveTags = ["Friends"] }], Ct));

        Assert.True(result.Succeeded, result.Reason);
        Assert.DoesNotContain("Friends", result.Record!.Tags);
        Assert.DoesNotContain("contactGroups/friends", Groups(id));
    }

    [Fact]
    public async Task Adding_the_tag_Family_leaves_it_out_as_the_system_group_takes_no_new_members_and_makes_no_group_of_that_name()
    {
        var id = sandbox.ResourceNames()[1];
        await using var connector = Connect();
        var before = Assert.Single(await connector.GetAsync([id], Ct));

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation("op-family", id, before.Version) { AddTags = ["Family", "Book club"] }], Ct));
        var created = Assert.Single(await connector.WriteAsync(
            [new CreateOperation("op-new", "fam-1", ImmutableDictionary<string, Domain.Fields.FieldValue>.Empty.Add(Domain.Fields.StandardFieldKeys.Emails, Email("fam-1@example.com")), ImmutableSortedSet.Create("Coworkers"))], Ct));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains("Book club", result.Record!.Tags);
        Assert.DoesNotContain("Family", result.Record.Tags);
        Assert.True(created.Succeeded, created.Reason);
        Assert.Empty(created.Record!.Tags);
        Assert.DoesNotContain(sandbox.UserGroups(), g => g.Name is "Family" or "Coworkers");
    }

    private static JsonObject Membership(string group) => new() { ["contactGroupMembership"] = new JsonObject { ["contactGroupResourceName"] = group } };

    private static Domain.Fields.ListValue Email(string address) =>
        new(Domain.Fields.FieldType.Email, [new Domain.Fields.LabelledValue("work", Domain.Fields.Values.Email(address))]);

    private List<string?> Groups(string id) =>
        ((JsonArray)sandbox.Person(id)!["memberships"]!).Select(m => m?["contactGroupMembership"]?["contactGroupResourceName"]?.GetValue<string>()).ToList();
}
