using System.Collections.Immutable;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Web.Components.Pages.Wizard;

namespace Tandem.Web.Tests.Wizard;

/// <summary>The tags row's rename table on the fields step: what it takes into the mapping and what it refuses, in words.</summary>
public sealed class TagRenamesTests
{
    private static DraftMapping TagsRow() => new() { AField = TagsField.Key, BField = TagsField.Key };

    [Fact]
    public void A_rename_goes_into_the_mappings_value_table_trimmed_and_a_removed_one_leaves_it()
    {
        var row = TagsRow();
        var renames = new TagRenames(row);

        Assert.Null(renames.Set(" VIP ", "Key account "));
        Assert.Null(renames.Set("Golf", "Golfers"));

        Assert.Equal(new Dictionary<string, string> { ["Golf"] = "Golfers", ["VIP"] = "Key account" }, row.ToMapping().ValueTable);
        renames.Remove("Golf");
        Assert.Equal([new KeyValuePair<string, string>("VIP", "Key account")], renames.Entries);
    }

    [Fact]
    public void Setting_a_tag_again_changes_its_new_name_instead_of_adding_a_second_rename()
    {
        var row = TagsRow();
        var renames = new TagRenames(row);

        renames.Set("VIP", "Key account");
        renames.Set("VIP", "Top client");

        Assert.Equal("Top client", Assert.Single(renames.Entries).Value);
    }

    [Theory]
    [InlineData("", "Key account", "Give both tags: the one in the first app and the name it has in the second.")]
    [InlineData("VIP", " ", "Give both tags: the one in the first app and the name it has in the second.")]
    [InlineData("tandem trash", "Bin", "\"Tandem Trash\" is Tandem's own tag and is never copied, so it cannot be renamed.")]
    [InlineData("Old", SyncOptions.UnsubscribesTag, "\"Tandem Unsubscribes\" is Tandem's own tag and is never copied, so it cannot be renamed.")]
    [InlineData("VIP", "VIP", "\"VIP\" already has the same name in both apps.")]
    public void A_rename_Tandem_could_not_keep_is_refused_in_words_and_the_table_stays_empty(string from, string to, string refusal)
    {
        var row = TagsRow();

        Assert.Equal(refusal, new TagRenames(row).Set(from, to));
        Assert.Null(row.ToMapping().ValueTable);
    }

    [Fact]
    public void The_tags_suggested_are_the_example_contacts_own_once_each_without_Tandems_markers()
    {
        ContactRecord With(params string[] tags) => new("id", ImmutableDictionary<string, FieldValue>.Empty) { Tags = ImmutableSortedSet.Create(StringComparer.Ordinal, tags) };

        var seen = TagRenames.Seen([With("VIP", SyncOptions.TrashTag), With("golf", "VIP")]);

        Assert.Equal(["golf", "VIP"], seen);
    }
}
