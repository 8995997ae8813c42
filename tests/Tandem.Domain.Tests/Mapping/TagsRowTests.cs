using System.Collections.Immutable;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Domain.Tests.Mapping;

public sealed class TagsRowTests
{
    private static readonly AppSchema AddressBook = new([new FieldDefinition(StandardFieldKeys.Emails, "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails }, TagsField.Categories()]);
    private static readonly AppSchema Crm = new([new FieldDefinition(StandardFieldKeys.Emails, "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails }, TagsField.Labels()]);

    private static MappingRow Row(IReadOnlyDictionary<string, string>? table = null, ConnectionSettings? settings = null) =>
        Assert.Single(MappingCompiler.Compile([new FieldMapping(TagsField.Key, TagsField.Key) { ValueTable = table }], AddressBook, AddressBook, reservedTags: TagsField.Reserved(settings)).Mapping.Rows);

    private static ContactRecord Tagged(params string[] tags) =>
        new("r1", ImmutableDictionary<string, FieldValue>.Empty) { Tags = ImmutableSortedSet.CreateRange(StringComparer.Ordinal, tags) };

    [Fact]
    public void The_default_mapping_syncs_tags_between_two_address_books_and_only_offers_them_otherwise()
    {
        Assert.True(Assert.Single(DefaultMappings.For(AddressBook, AddressBook), m => m.AField == TagsField.Key).Enabled);
        Assert.False(Assert.Single(DefaultMappings.For(AddressBook, Crm), m => m.AField == TagsField.Key).Enabled);
        Assert.False(Assert.Single(DefaultMappings.For(Crm, Crm), m => m.AField == TagsField.Key).Enabled);
    }

    [Fact]
    public void Tags_map_only_to_tags()
    {
        var text = new AppSchema([new FieldDefinition(StandardFieldKeys.Emails, "Emails", FieldType.Email) { IsList = true }, new FieldDefinition("note", "Note", FieldType.Text)]);

        var refused = Assert.Single(MappingCompiler.Compile([new FieldMapping(TagsField.Key, "note")], AddressBook, text).Refused);

        Assert.Equal("“Tags” and “Note”: Tags can only be stored in another app's tags, not in a text field.", refused.Reason);
    }

    [Fact]
    public void Markers_and_the_tags_of_rule_actions_are_never_read_nor_touched_by_a_write()
    {
        var settings = new ConnectionSettings { RulesA = [new Rule { Actions = [new RuleAction(ActionKind.AddTag, Value: "From CRM")] }] };
        var row = Row(settings: settings);
        var record = Tagged("Golf", SyncOptions.TrashTag, SyncOptions.UnsubscribesTag, "From CRM");

        Assert.Equal("Golf", row.Read(Side.A, record));
        var change = Assert.Single(row.Write(Side.B, "Chess", record));
        Assert.Equal(["Chess", "From CRM", SyncOptions.TrashTag, SyncOptions.UnsubscribesTag], Values.Parts((ScalarValue)change.Value!));
    }

    [Fact]
    public void A_value_table_renames_tags_both_ways_and_tags_it_does_not_name_keep_their_name()
    {
        var row = Row(new Dictionary<string, string> { ["VIP"] = "Key account" });

        Assert.Equal("Golf\u001FVIP", row.Read(Side.B, Tagged("Key account", "Golf")));
        var change = Assert.Single(row.Write(Side.B, "Golf\u001FVIP", Tagged()));
        Assert.Equal(["Golf", "Key account"], Values.Parts((ScalarValue)change.Value!));
        Assert.Empty(row.Write(Side.B, "Golf\u001FVIP", Tagged("Golf", "Key account")));
    }

    [Fact]
    public void A_tag_added_on_one_side_and_another_removed_on_the_other_are_both_decided_without_conflict()
    {
        var decisions = SetMerge.Merge("Friends\u001FGolf\u001FVIP", "Friends", ("Friends\u001FGolf", "Friends\u001FGolf"), false, false, Side.A);

        Assert.Equal([new SetDecision("Golf", Side.B, false, false), new SetDecision("VIP", Side.A, true, false)], decisions);
        Assert.Equal("Friends\u001FVIP", SetMerge.Apply("Friends\u001FGolf\u001FVIP", decisions.Where(d => d.Source == Side.B)));
    }

    [Fact]
    public void One_tag_changed_opposite_ways_on_both_sides_is_a_conflict_the_winner_settles()
    {
        var decisions = SetMerge.Merge("Golf", null, (null, "Golf"), false, false, Side.B);

        Assert.Equal([new SetDecision("Golf", Side.B, false, true)], decisions);
    }

    [Fact]
    public void Without_a_baseline_the_sets_are_united()
    {
        var decisions = SetMerge.Merge("Golf", "Chess", null, false, false, Side.A);

        Assert.Equal([new SetDecision("Chess", Side.B, true, false), new SetDecision("Golf", Side.A, true, false)], decisions);
    }
}
