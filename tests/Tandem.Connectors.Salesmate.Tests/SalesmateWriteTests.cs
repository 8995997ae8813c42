using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Sandbox.Salesmate;

namespace Tandem.Connectors.Salesmate.Tests;

/// <summary>Salesmate's write quirks: required last name and owner, the HTTP-200 failures, companies by id, custom fields by type.</summary>
public sealed class SalesmateWriteTests : SandboxAccount
{
    [Fact]
    public async Task A_contact_with_only_an_email_is_created_with_the_email_as_last_name_and_the_first_user_as_owner()
    {
        await using var connector = Connect();
        var create = Create("c1", ("emails", Values.Email("only.email@example.com")));

        var result = Assert.Single(await connector.WriteAsync([create], Ct));

        Assert.True(result.Succeeded, result.Reason);
        var stored = Sandbox.Contact(Id(result.Record!.Id))!;
        Assert.Equal("only.email@example.com", stored["lastName"]!.GetValue<string>());
        Assert.Equal(SalesmateSandbox.DefaultOwnerId, stored["owner"]!["id"]!.GetValue<int>());
        Assert.Equal(SalesmateSandbox.DefaultOwnerId.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Record.Get("owner")?.Canonical);
    }

    [Fact]
    public async Task The_owner_setting_owns_new_contacts_and_a_contact_with_no_name_or_email_is_called_unknown()
    {
        await using var connector = Connect(new() { ["ownerId"] = Text(SalesmateSandbox.OtherUserId) });

        var result = Assert.Single(await connector.WriteAsync([Create("c1", ("title", Values.Text("Buyer")))], Ct));

        Assert.True(result.Succeeded, result.Reason);
        var stored = Sandbox.Contact(Id(result.Record!.Id))!;
        Assert.Equal("Unknown", stored["lastName"]!.GetValue<string>());
        Assert.Equal(SalesmateSandbox.OtherUserId, stored["owner"]!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Clearing_the_last_name_writes_the_first_name_in_its_place_instead_of_being_refused()
    {
        await using var connector = Connect();
        var id = Sandbox.ContactIds()[0];
        Sandbox.EditContact(id, new JsonObject { ["email"] = null, ["firstName"] = "Ada" });

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", Text(id), null) { Changes = [new FieldChange("name.last", null)] }], Ct));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("Ada", Sandbox.Contact(id)!["lastName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_of_updates_reads_its_contacts_with_one_search_before_and_one_after_besides_one_write_each()
    {
        await using var connector = Connect();
        _ = await connector.GetSchemaAsync(Ct);
        var ids = Sandbox.ContactIds().Take(20).ToList();
        var updates = ids.Select(id => (WriteOperation)new UpdateOperation("u" + Text(id), Text(id), null) { Changes = [new FieldChange("title", Values.Text("Buyer " + Text(id)))] }).ToList();
        var calls = Sandbox.ApiCalls;

        var results = await connector.WriteAsync(updates, Ct);

        Assert.Equal(calls + 20 + 2, Sandbox.ApiCalls);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(ids.Select(id => "Buyer " + Text(id)), results.Select(r => r.Record!.Get("title")?.Canonical));
        Assert.Equal(ids.Select(id => Sandbox.Contact(id)!["lastModifiedAt"]!.GetValue<string>()), results.Select(r => r.Record!.Version));
    }

    [Fact]
    public async Task A_failure_salesmate_answers_with_http_200_fails_that_contact_alone_with_its_message()
    {
        await using var connector = Connect();
        var ids = Sandbox.ContactIds();
        var refused = new UpdateOperation("bad", Text(ids[0]), null) { Changes = [new FieldChange("owner", Values.Require(FieldType.OwnerReference, "999"))] };
        var fine = new UpdateOperation("good", Text(ids[1]), null) { Changes = [new FieldChange("title", Values.Text("Chief Buyer"))] };

        var results = await connector.WriteAsync([refused, fine], Ct);

        Assert.Equal(WriteFailureKind.Rejected, results[0].Failure);
        Assert.Equal("Salesmate refused the contact: Owner must be an active user.", results[0].Reason);
        Assert.True(results[1].Succeeded, results[1].Reason);
        Assert.Equal("Chief Buyer", Sandbox.Contact(ids[1])!["designation"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_of_a_contact_salesmate_no_longer_finds_is_refused_in_words_never_taken_for_a_deletion()
    {
        await using var connector = Connect();
        var id = Sandbox.ContactIds()[0];
        Sandbox.DeleteContact(id);

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", Text(id), null) { Changes = [new FieldChange("title", Values.Text("x"))] }], Ct));
        var read = await connector.GetAsync([Text(id)], Ct);

        Assert.Equal(WriteFailureKind.Rejected, result.Failure);
        Assert.Equal("Salesmate no longer finds this contact, so it was not changed; if it was deleted there, the next complete listing shows it.", result.Reason);
        Assert.Empty(read);
    }

    [Fact]
    public async Task Custom_fields_of_every_type_a_new_company_tags_and_social_handles_round_trip()
    {
        await using var connector = Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        string Key(string label) => schema.Fields.Single(f => f.Label == label).Key;
        var fields = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.first"] = Values.Text("Cee"),
            ["name.last"] = Values.Text("Ustom"),
            ["org"] = Values.Text("Brand New Company"),
            ["currency"] = Values.Text("EUR"),
            ["social.linkedin"] = Values.Text("cee-ustom"),
            ["addresses"] = Values.Address("Rue de la Loi 16\nBox 3", "Brussels", null, "1000", "Belgium"),
            ["urls"] = Values.Require(FieldType.Url, "https://example.com/cee"),
            [Key("Nickname")] = Values.Text("Cee"),
            [Key("Background")] = Values.Text("Met at a fair\nin Gent"),
            [Key("Score")] = Values.Number(12.5m),
            [Key("Birthday")] = Values.Date(new PartialDate(1990, 5, 17)),
            [Key("Contract start")] = Values.Date(new PartialDate(2026, 3, 1)),
            [Key("Segment")] = Values.Require(FieldType.SingleChoice, "Enterprise"),
            [Key("Interests")] = Values.MultipleChoice(["Events", "Newsletter"]),
            [Key("Newsletter opt-in")] = Values.Boolean(true),
            [Key("Portfolio")] = Values.Require(FieldType.Url, "https://example.com/portfolio"),
        });

        var result = Assert.Single(await connector.WriteAsync([new CreateOperation("c1", "ref", fields, ImmutableSortedSet.Create(StringComparer.Ordinal, "VIP", "Fair 2026"))], Ct));
        Assert.True(result.Succeeded, result.Reason);
        var read = Assert.Single(await connector.GetAsync([result.Record!.Id], Ct));

        Assert.All(fields, f => Assert.Equal(f.Value.Canonical, read.Get(f.Key)?.Canonical));
        Assert.Equal(["Fair 2026", "VIP"], read.Tags);
        Assert.Equal("birthday", Key("Birthday"));
        Assert.Equal(["Enterprise", "Mid-market", "SMB"], schema.Find(Key("Segment"))!.Options.Select(o => o.Label));
        Assert.Equal("Brand New Company", Sandbox.Contact(Id(read.Id))!["company"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tags_are_added_and_removed_in_salesmate_s_comma_separated_list()
    {
        await using var connector = Connect();
        var id = Sandbox.ContactIds()[0];
        Sandbox.EditContact(id, new JsonObject { ["tags"] = "Customer,Lead" });

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", Text(id), null) { AddTags = ["Tandem Unsubscribes"], RemoveTags = ["Lead"] }], Ct));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("Customer,Tandem Unsubscribes", Sandbox.Contact(id)!["tags"]!.GetValue<string>());
        Assert.Equal(["Customer", "Tandem Unsubscribes"], result.Record!.Tags);
    }

    private static CreateOperation Create(string reference, params (string Key, FieldValue Value)[] fields) =>
        new("create-" + reference, reference, fields.ToImmutableDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal), ImmutableSortedSet<string>.Empty);
}
