using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// HubSpot (A) → Wooxy (B), one way, both sandboxes over HTTP on 127.0.0.1: the first sync fills the Default Contact
/// List, an edit in HubSpot follows, a merge in HubSpot moves the Wooxy contact to the surviving contact instead of
/// removing one and adding another, and a property of each HubSpot type lands in a Wooxy variable created for it.
/// Wooxy is written only, so edits go one way and no conflict can arise (the two-way cases are HubSpot ↔ Pipedrive's).
/// </summary>
public sealed class HubSpotWooxySyncTests : IAsyncLifetime
{
    private readonly HubSpotSide hubspot = new();
    private readonly WooxySide wooxy = new();
    private PairHarness? pair;

    private PairHarness Pair => pair!;

    public async ValueTask InitializeAsync()
    {
        pair = await PairHarness.StartAsync(hubspot, wooxy);
        Pair.Settings = new ConnectionSettings { Direction = SyncDirection.AToB };
    }

    public async ValueTask DisposeAsync()
    {
        if (pair is not null)
        {
            await pair.DisposeAsync();
        }
    }

    [Fact]
    public async Task HubSpot_contacts_fill_the_Default_Contact_List_an_edit_follows_and_a_quiet_run_writes_nothing()
    {
        var ada = await hubspot.AddAsync("Ada", "Lovelace", "ada@example.com", (StandardFieldKeys.Phones, new ListValue(FieldType.Phone, [new LabelledValue("mobile", Values.Phone("+32 470 11 22 33"))])));
        await hubspot.AddAsync("Alan", "Turing", "alan@example.com");

        var first = await Pair.SyncAsync();
        await hubspot.SetAsync(ada, StandardFieldKeys.LastName, Values.Text("King"));
        var edited = await Pair.SyncAsync();
        var quiet = await Pair.SyncAsync();

        Assert.Equal(2, first.B.Created);
        Assert.Equal(["ada@example.com", "alan@example.com"], wooxy.Contacts.Order(StringComparer.Ordinal));
        var contact = wooxy.Contact("ada@example.com")!;
        Assert.Equal("King", contact["lastName"]!.GetValue<string>());
        Assert.True(contact["smsSubscribe"]!.GetValue<bool>());
        Assert.Equal(1, edited.B.Updated);
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task A_merge_in_HubSpot_moves_the_Wooxy_contact_to_the_survivor_and_removes_or_adds_nobody_even_with_delete_in_target()
    {
        Pair.Settings = Pair.Settings with { Options = new SyncOptions { DeleteInTarget = true } };
        var merged = await hubspot.AddAsync("Mia", "Old", "mia.old@example.com");
        await Pair.SyncAsync();

        var survivor = await hubspot.AddAsync("Mia", "New", "mia.new@example.com");
        hubspot.Later();
        hubspot.Sandbox.MergeContacts(survivor, merged);
        var report = await Pair.SyncAsync();
        var quiet = await Pair.SyncAsync();

        Assert.Equal(["mia.new@example.com"], wooxy.Contacts);
        Assert.Equal("New", wooxy.Contact("mia.new@example.com")!["lastName"]!.GetValue<string>());
        Assert.Equal((0, 0, 1), (report.B.Created, report.B.Deleted, report.B.Updated));
        Assert.Equal(1, await Pair.Sync.LinkCountAsync());
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task A_property_of_each_HubSpot_type_lands_in_a_Wooxy_variable_created_for_it()
    {
        (string Property, string Label, FieldType Kind, FieldValue Value)[] rows =
        [
            ("nickname", "Nickname", FieldType.Text, Values.Text("Cee")),
            ("score", "Score", FieldType.Number, Values.Number(12.5m)),
            ("contract_start", "Contract start", FieldType.Date, Values.Date(new PartialDate(2026, 3, 1))),
            ("last_meeting", "Last meeting", FieldType.DateTime, Values.Require(FieldType.DateTime, "2026-03-01T10:30:00Z")),
            ("is_partner", "Partner", FieldType.Boolean, Values.Boolean(true)),
            ("segment", "Segment", FieldType.SingleChoice, Values.Require(FieldType.SingleChoice, "Enterprise")),
            ("interests", "Interests", FieldType.MultipleChoice, Values.MultipleChoice(["Events", "Newsletter"])),
        ];
        var mappings = new List<FieldMapping> { new(StandardFieldKeys.Emails, StandardFieldKeys.Emails) };
        foreach (var (property, label, kind, _) in rows)
        {
            var variable = await CreateVariableAsync(label, kind);
            mappings.Add(new FieldMapping(HubSpotSide.Property(property), variable.Key) { Direction = MappingDirection.AToB });
        }

        Pair.Settings = Pair.Settings with { Mappings = mappings };
        await hubspot.AddAsync("Cus", "Tom", "typed@example.com", [.. rows.Select(r => (HubSpotSide.Property(r.Property), r.Value))]);

        await Pair.SyncAsync();

        var variables = Variables("typed@example.com");
        Assert.Equal("Cee", variables["nickname"]);
        Assert.Equal("12.5", variables["score"]);
        Assert.Equal("2026-03-01", variables["contractStart"]);
        Assert.StartsWith("2026-03-01", variables["lastMeeting"], StringComparison.Ordinal);
        Assert.Equal("true", variables["partner"]);
        Assert.Equal("Enterprise", variables["segment"]);
        Assert.Equal("Events, Newsletter", variables["interests"]);
        Assert.Equal("date", wooxy.Sandbox.CustomVariables(Tandem.Sandbox.Wooxy.WooxySandbox.DefaultListId)["contractStart"]);
        Assert.Equal("string", wooxy.Sandbox.CustomVariables(Tandem.Sandbox.Wooxy.WooxySandbox.DefaultListId)["interests"]);
    }

    /// <summary>A variable created from the matching table, as the wizard does through the connector.</summary>
    private async Task<FieldDefinition> CreateVariableAsync(string label, FieldType type)
    {
        await using var connector = wooxy.Connect();
        return await ((IFieldCreator)connector).CreateFieldAsync(label, type, [], TestContext.Current.CancellationToken);
    }

    private Dictionary<string, string> Variables(string email) =>
        wooxy.Contact(email)!["variables"]!.AsArray().ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!["value"]!.GetValue<string>());
}
