using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Sandbox.HubSpot;

namespace Tandem.Connectors.HubSpot.Tests;

/// <summary>HubSpot's own behaviours: 207 partial batches, taken emails, merges, opt-outs, enumerations, the search window.</summary>
public sealed class HubSpotQuirkTests() : SandboxFixture(new HubSpotSandboxOptions { SeedContacts = 120 })
{
    [Fact]
    public async Task A_batch_answered_207_fails_only_the_contact_HubSpot_refused()
    {
        await using var connector = Connect();
        var good = Create("good", "good.one@example.com");
        var refused = Create("refused", "refused.one@example.com") with { Fields = Create("refused", "refused.one@example.com").Fields.SetItem(HubSpotFieldKeys.Owner, Values.Require(FieldType.OwnerReference, "999")) };
        var missing = new UpdateOperation("missing", "999999", null) { Changes = [new FieldChange("title", Values.Text("Nobody"))] };
        var present = new UpdateOperation("present", Sandbox.ContactIds()[0], null) { Changes = [new FieldChange("title", Values.Text("Somebody"))] };

        var results = await connector.WriteAsync([good, refused, missing, present], Ct);

        Assert.True(results[0].Succeeded, results[0].Reason);
        Assert.Equal((WriteFailureKind.Rejected, "Property values were not valid: 999 is not a valid owner id"), (results[1].Failure!.Value, results[1].Reason));
        Assert.Equal(WriteFailureKind.NotFound, results[2].Failure);
        Assert.Equal("Somebody", results[3].Record!.Get("title")!.Canonical);
        Assert.Equal(121, Sandbox.ContactCount);
    }

    [Fact]
    public async Task A_create_whose_email_is_taken_is_linked_to_the_contact_holding_it_never_created_twice()
    {
        await using var connector = Connect();
        var holder = Sandbox.ContactIds()[5];
        var email = Sandbox.Contact(holder)!["email"];

        var result = Assert.Single(await connector.WriteAsync([Create("dup", email)], Ct));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(holder, result.Record!.Id);
        Assert.Equal(120, Sandbox.ContactCount);
    }

    [Fact]
    public async Task A_merge_is_no_deletion_but_a_merge_notice_naming_the_survivor_which_holds_the_merged_email()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var (primary, secondary) = (Sandbox.ContactIds()[1], Sandbox.ContactIds()[2]);
        var merged = Sandbox.Contact(secondary)!["email"];
        Sandbox.MergeContacts(primary, secondary);

        var changes = await ChangesAsync(connector, cursor);

        Assert.Empty(changes.Deleted);
        Assert.Equal([new RecordMerge(secondary, primary)], changes.Merges);
        var survivor = Assert.Single(changes.Changed);
        Assert.Equal(primary, survivor.Id);
        Assert.Contains(merged, ((ListValue)survivor.Get("emails")!).Items.Select(i => i.Value.Text));
        Assert.Empty(await connector.GetAsync([secondary], Ct));
    }

    [Fact]
    public async Task An_opt_out_in_HubSpot_reads_as_unsubscribed_and_an_unsubscribe_from_Tandem_leaves_every_email_type()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var (optedOut, other) = (Sandbox.ContactIds()[3], Sandbox.ContactIds()[4]);
        Sandbox.Unsubscribe(Sandbox.Contact(optedOut)!["email"], "9002");

        var changes = await ChangesAsync(connector, cursor);
        var written = Assert.Single(await connector.WriteAsync([new UpdateOperation("u", other, null) { Unsubscribe = true }], Ct));
        var again = Assert.Single(await connector.WriteAsync([new UpdateOperation("u2", other, null) { Unsubscribe = true, Changes = [new FieldChange("title", Values.Text("Still out"))] }], Ct));

        Assert.True(Assert.Single(changes.Changed).IsUnsubscribed);
        Assert.True(written.Record!.IsUnsubscribed);
        Assert.Equal("true", Sandbox.Contact(other)!["hs_email_optout"]);
        Assert.True(again.Succeeded, again.Reason);
        Assert.True(again.Record!.IsUnsubscribed);
    }

    [Fact]
    public async Task Enumerations_are_choice_fields_and_checkbox_values_go_over_the_wire_joined_with_semicolons()
    {
        await using var connector = Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        string Key(string label) => schema.Fields.Single(f => f.Label == label).Key;
        var fields = Create("custom", "custom.types@example.com").Fields
            .SetItem(Key("Nickname"), Values.Text("Cee"))
            .SetItem(Key("Score"), Values.Number(12.5m))
            .SetItem(Key("Contract start"), Values.Date(new PartialDate(2026, 3, 1)))
            .SetItem(Key("Last meeting"), Values.Require(FieldType.DateTime, "2026-02-03T10:15:00Z"))
            .SetItem(Key("Partner"), Values.Boolean(true))
            .SetItem(Key("Segment"), Values.Require(FieldType.SingleChoice, "Mid-market"))
            .SetItem(Key("Interests"), Values.MultipleChoice(["Webinars", "Events"]))
            .SetItem(HubSpotFieldKeys.Owner, Values.Require(FieldType.OwnerReference, "71000002"));

        var created = Assert.Single(await connector.WriteAsync([new CreateOperation("c", "ref", fields, [])], Ct));
        var read = Assert.Single(await connector.GetAsync([created.Record!.Id], Ct));

        Assert.Equal(FieldType.SingleChoice, schema.Find(Key("Segment"))!.Type);
        Assert.Equal(["Enterprise", "Mid-market", "SMB"], schema.Find(Key("Segment"))!.Options.Select(o => o.Label));
        Assert.Equal(FieldType.MultipleChoice, schema.Find(Key("Interests"))!.Type);
        Assert.Equal(FieldType.Boolean, schema.Find(Key("Partner"))!.Type);
        Assert.All(fields, f => Assert.Equal(f.Value.Canonical, read.Get(f.Key)?.Canonical));
        Assert.Equal("events;webinars", Sandbox.Contact(read.Id)!["interests"]);
        Assert.Equal("mid_market", Sandbox.Contact(read.Id)!["segment"]);
    }

    [Fact]
    public async Task A_choice_that_is_not_an_option_is_refused_for_that_contact_alone_without_a_call()
    {
        await using var connector = Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        var segment = schema.Fields.Single(f => f.Label == "Segment").Key;
        _ = await connector.GetAsync([Sandbox.ContactIds()[0]], Ct);
        var calls = Sandbox.ApiCalls;

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation("u", Sandbox.ContactIds()[0], null) { Changes = [new FieldChange(segment, Values.Require(FieldType.SingleChoice, "Startup"))] }], Ct));

        Assert.Equal((WriteFailureKind.Rejected, "'Startup' is not an option of Segment in HubSpot."), (result.Failure!.Value, result.Reason));
        Assert.Equal(calls, Sandbox.ApiCalls);
    }

    [Fact]
    public async Task A_custom_property_is_created_on_the_spot_and_takes_values_at_once()
    {
        await using var connector = Connect();
        var creator = (IFieldCreator)connector;

        var field = await creator.CreateFieldAsync("Favourite colour", FieldType.SingleChoice, ["Red", "Blue"], Ct);
        var created = Assert.Single(await connector.WriteAsync([Create("colour", "colour@example.com") with { Fields = Create("colour", "colour@example.com").Fields.SetItem(field.Key, Values.Require(FieldType.SingleChoice, "Blue")) }], Ct));
        var taken = await Assert.ThrowsAsync<ConnectorException>(() => creator.CreateFieldAsync("Favourite colour", FieldType.Text, [], Ct));

        Assert.Equal(("property.favourite_colour", FieldType.SingleChoice), (field.Key, field.Type));
        Assert.Equal("Blue", created.Record!.Get(field.Key)!.Canonical);
        Assert.Equal("HubSpot already has a contact property named 'Favourite colour'; pick it instead or choose another name.", taken.Message);
    }

    [Fact]
    public async Task Tags_are_static_lists_made_when_first_used_and_a_removed_tag_leaves_the_list()
    {
        await using var connector = Connect();
        var id = Sandbox.ContactIds()[7];

        var tagged = Assert.Single(await connector.WriteAsync([new UpdateOperation("t", id, null) { AddTags = ["Tandem Trash", "VIP"] }], Ct));
        var untagged = Assert.Single(await connector.WriteAsync([new UpdateOperation("r", id, null) { RemoveTags = ["VIP"] }], Ct));

        Assert.Equal(["Tandem Trash", "VIP"], tagged.Record!.Tags);
        Assert.Equal(["Tandem Trash"], untagged.Record!.Tags);
        Assert.Equal(["Tandem Trash"], Sandbox.ListsOf(id));
    }

    [Fact]
    public async Task A_quiet_poll_costs_a_search_and_an_archive_page_and_a_hundred_updates_are_one_write()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var calls = Sandbox.ApiCalls;

        var quiet = await connector.ReadChangesAsync(cursor, Ct);

        Assert.Equal(calls + 2, Sandbox.ApiCalls);
        Assert.Empty(quiet.Changed);
        var updates = Sandbox.ContactIds().Take(100).Select(id => new UpdateOperation("u" + id, id, null) { Changes = [new FieldChange("title", Values.Text("Batch " + id))] }).ToList();
        calls = Sandbox.ApiCalls;

        var results = await connector.WriteAsync(updates, Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));

        // One batch/update, then one batch/read of the contacts as they now are (no static list yet: no membership read).
        Assert.Equal(calls + 2, Sandbox.ApiCalls);
    }

    [Fact]
    public async Task Polls_in_a_row_stay_under_the_search_limit_and_are_never_refused()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var calls = Sandbox.ApiCalls;

        for (var i = 0; i < 12; i++)
        {
            cursor = (await connector.ReadChangesAsync(cursor, Ct)).NextCursor;
        }

        // A refused search would have been sent again: exactly a search and an archive page per poll.
        Assert.Equal(calls + 24, Sandbox.ApiCalls);
    }

    private static CreateOperation Create(string reference, string email) => new(
        "create-" + reference,
        reference,
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.first"] = Values.Text("Hub"),
            ["name.last"] = Values.Text("Spotter"),
            ["emails"] = new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email(email))]),
        }),
        ImmutableSortedSet<string>.Empty);
}
