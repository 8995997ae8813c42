using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// Tags differing only in case: one tag when either app holds them so (Mailchimp's tags, HubSpot's list names), two
/// tags between apps that keep case (vCard CATEGORIES, Pipedrive labels).
/// </summary>
public sealed class TagCaseTests
{
    private static readonly ConnectionSettings TagsOn = new()
    {
        Mappings =
        [
            new FieldMapping(FieldMapping.NameKey, FieldMapping.NameKey),
            new FieldMapping(StandardFieldKeys.Emails, StandardFieldKeys.Emails),
            new FieldMapping(TagsField.Key, TagsField.Key),
        ],
    };

    private static Task<SyncHarness> PairAsync(bool aIgnoresCase) => SyncHarness.CreateAsync(
        StoreKind.Sqlite,
        new InMemoryAppOptions { Name = "A", IdPrefix = "a", Schema = InMemorySchemaBuilder.Crm().WithTags(addressBook: false, ignoresCase: aIgnoresCase).Build() },
        new InMemoryAppOptions { Name = "B", IdPrefix = "b", Schema = InMemorySchemaBuilder.Crm().WithTags().Build(), Capabilities = InMemoryCapabilities.AddressBook });

    [Fact]
    public async Task A_tag_differing_only_in_case_is_the_same_tag_when_one_app_ignores_case_and_neither_side_gets_a_twin()
    {
        await using var h = await PairAsync(aIgnoresCase: true);
        h.Settings = TagsOn;
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.AddTag(a.Id, "VIP");
        var b = h.B.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.AddTag(b.Id, "vip");
        h.B.AddTag(b.Id, "Golf");

        await h.SyncCleanlyAsync();

        Assert.Equal(["Golf", "VIP"], h.A.Get(a.Id)!.Tags);
        Assert.Equal(["Golf", "vip"], h.B.Get(b.Id)!.Tags);
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);

        // Removing it on the side that keeps case removes the one tag on the other.
        h.B.RemoveTag(b.Id, "vip");
        await h.SyncCleanlyAsync();

        Assert.Equal(["Golf"], h.A.Get(a.Id)!.Tags);
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    [Fact]
    public async Task Between_apps_that_keep_case_VIP_and_vip_are_two_tags_and_both_reach_each_side()
    {
        await using var h = await PairAsync(aIgnoresCase: false);
        h.Settings = TagsOn;
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.AddTag(a.Id, "VIP");
        var b = h.B.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.AddTag(b.Id, "vip");

        await h.SyncCleanlyAsync();

        Assert.Equal(["VIP", "vip"], h.A.Get(a.Id)!.Tags);
        Assert.Equal(["VIP", "vip"], h.B.Get(b.Id)!.Tags);
    }

    [Fact]
    public async Task A_value_table_renames_a_tag_whatever_its_case_on_an_app_that_ignores_case()
    {
        await using var h = await PairAsync(aIgnoresCase: true);
        h.Settings = TagsOn with
        {
            Mappings = [.. TagsOn.Mappings.Take(2), new FieldMapping(TagsField.Key, TagsField.Key) { ValueTable = new Dictionary<string, string> { ["vip"] = "Key account" } }],
        };
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.AddTag(a.Id, "VIP");

        await h.SyncCleanlyAsync();

        Assert.Equal(["Key account"], Assert.Single(h.B.FindByEmail("ann@example.com")).Tags);
        Assert.Equal(["VIP"], h.A.Get(a.Id)!.Tags);
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    [Fact]
    public async Task Tandems_marker_in_another_case_never_travels_from_an_app_that_ignores_case()
    {
        await using var h = await PairAsync(aIgnoresCase: true);
        h.Settings = TagsOn;
        var a = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.A.AddTag(a.Id, SyncOptions.TrashTag.ToUpperInvariant());
        h.A.AddTag(a.Id, "Golf");

        await h.SyncCleanlyAsync();

        Assert.Equal(["Golf"], Assert.Single(h.B.FindByEmail("ann@example.com")).Tags);
    }
}
