using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// The seed's integration end to end: Pipedrive (A) → Wooxy (B), one way, both sandboxes over HTTP on 127.0.0.1.
/// Wooxy lists nothing (a run that asked would fail), writes settle asynchronously, and the seed's rules hold: a phone
/// number subscribes to SMS and Viber, "ignore empty values", variables matched from the table, a contact without an
/// identifier excluded with that reason, and deletion in Wooxy only when "delete in target" is on.
/// </summary>
public sealed class PipedriveWooxySyncTests : IAsyncLifetime
{
    private readonly PipedriveSide pipedrive = new();
    private readonly WooxySide wooxy = new();
    private PairHarness? pair;

    private PairHarness Pair => pair!;

    public async ValueTask InitializeAsync()
    {
        pair = await PairHarness.StartAsync(pipedrive, wooxy);
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
    public async Task Pipedrive_persons_are_added_to_the_Default_Contact_List_and_a_second_run_writes_nothing()
    {
        await pipedrive.AddAsync("Ada", "Lovelace", "ada@example.com", (StandardFieldKeys.Phones, Phone("+32 470 11 22 33")));
        await pipedrive.AddAsync("Alan", "Turing", "alan@example.com");

        var first = await Pair.SyncAsync();
        var callsAfterFirst = wooxy.Sandbox.ApiCalls;
        var second = await Pair.SyncAsync();

        Assert.Equal(2, first.B.Created);
        Assert.Equal(["ada@example.com", "alan@example.com"], wooxy.Contacts.Order(StringComparer.Ordinal));
        var ada = wooxy.Contact("ada@example.com")!;
        Assert.Equal("Lovelace", ada["lastName"]!.GetValue<string>());
        Assert.Equal("+32470112233", ada["phoneNumber"]!.GetValue<string>());
        Assert.True(ada["smsSubscribe"]!.GetValue<bool>());
        Assert.True(ada["viberSubscribe"]!.GetValue<bool>());
        Assert.Null(wooxy.Contact("alan@example.com")!["smsSubscribe"]);
        Assert.Equal(0, second.WriteCalls);
        Assert.Equal(0, second.B.Read);

        // The quiet run reads Wooxy's list and its variables, nothing else: no listing, no feed.
        Assert.Equal(2, wooxy.Sandbox.ApiCalls - callsAfterFirst);
    }

    [Fact]
    public async Task An_edit_in_Pipedrive_updates_the_Wooxy_contact()
    {
        var id = await pipedrive.AddAsync("Grace", "Hopper", "grace@example.com");
        await Pair.SyncAsync();

        await pipedrive.SetAsync(id, StandardFieldKeys.LastName, Values.Text("Murray Hopper"));
        var report = await Pair.SyncAsync();

        Assert.Equal(1, report.B.Updated);
        Assert.Equal("Murray Hopper", wooxy.Contact("grace@example.com")!["lastName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_person_deleted_in_Pipedrive_leaves_the_Wooxy_list_only_when_delete_in_target_is_on(bool deleteInTarget)
    {
        Pair.Settings = Pair.Settings with { Options = new SyncOptions { DeleteInTarget = deleteInTarget } };
        var id = await pipedrive.AddAsync("Edsger", "Dijkstra", "edsger@example.com");
        await pipedrive.AddAsync("Barbara", "Liskov", "barbara@example.com");
        await Pair.SyncAsync();

        await pipedrive.DeleteAsync(id);
        var report = await Pair.SyncAsync();

        Assert.Equal(deleteInTarget ? 1 : 0, report.B.Deleted);
        Assert.Equal(deleteInTarget ? ["barbara@example.com"] : ["barbara@example.com", "edsger@example.com"], wooxy.Contacts.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(true, "Maggie")]
    [InlineData(false, null)]
    public async Task An_emptied_Pipedrive_field_blanks_the_Wooxy_variable_unless_empty_values_are_ignored(bool ignoreEmpty, string? expected)
    {
        await CreateVariableAsync("Nickname", FieldType.Text);
        Pair.Settings = Pair.Settings with
        {
            Options = new SyncOptions { IgnoreEmptyValues = ignoreEmpty },
            Mappings = [new FieldMapping(StandardFieldKeys.Emails, StandardFieldKeys.Emails), new FieldMapping(PipedriveSide.Custom("Nickname"), "var.nickname") { Direction = MappingDirection.AToB }],
        };
        var id = await pipedrive.AddAsync("Margaret", "Hamilton", "margaret@example.com", (PipedriveSide.Custom("Nickname"), Values.Text("Maggie")));
        await Pair.SyncAsync();

        await pipedrive.SetAsync(id, PipedriveSide.Custom("Nickname"), null);
        await Pair.SyncAsync();

        Assert.Equal(expected, Variables("margaret@example.com").GetValueOrDefault("nickname"));
    }

    [Fact]
    public async Task A_person_without_email_or_phone_is_excluded_with_the_reason_that_Wooxy_needs_an_identifier()
    {
        Pair.Settings = Pair.Settings with { Options = new SyncOptions { AvoidDuplicates = false } };
        var id = await pipedrive.AddAsync("No", "Identifier", "placeholder@example.com");
        await pipedrive.SetAsync(id, StandardFieldKeys.Emails, null);

        var report = await Pair.SyncAsync();

        Assert.Equal(0, report.B.Created);
        Assert.Empty(wooxy.Contacts);
        var health = Assert.Single(await Pair.Sync.HealthAsync());
        Assert.Equal("B needs at least one of Email, Phone number, User ID to add a contact, and this one has none.", health.Reason);
    }

    [Fact]
    public async Task A_request_Wooxy_has_not_processed_stays_unknown_is_never_sent_again_and_is_linked_once_settled()
    {
        await pipedrive.AddAsync("Katherine", "Johnson", "katherine@example.com");
        wooxy.Sandbox.Faults.StallRequests(1);

        var first = await Pair.SyncAsync();
        var second = await Pair.SyncAsync();
        var whileStalled = wooxy.Sandbox.PendingRequests;
        wooxy.Sandbox.ReleaseStalledRequests();
        var third = await Pair.SyncAsync();
        var fourth = await Pair.SyncAsync();

        Assert.Equal(0, first.B.Created);
        Assert.Equal(0, second.WriteCalls);
        Assert.Equal(1, whileStalled);
        Assert.Equal(0, third.WriteCalls);
        Assert.Equal(1, await Pair.Sync.LinkCountAsync());
        Assert.Equal(["katherine@example.com"], wooxy.Contacts);
        Assert.Equal(0, fourth.WriteCalls);
    }

    [Fact]
    public async Task Matched_variables_carry_a_text_field_into_a_created_variable_and_a_date_into_an_existing_one()
    {
        await CreateVariableAsync("Nickname", FieldType.Text);
        Pair.Settings = Pair.Settings with
        {
            Mappings =
            [
                new FieldMapping(StandardFieldKeys.Emails, StandardFieldKeys.Emails),
                new FieldMapping(PipedriveSide.Custom("Nickname"), "var.nickname") { Direction = MappingDirection.AToB },
                new FieldMapping(PipedriveSide.Custom("Contract start"), "var.renewalDate") { Direction = MappingDirection.AToB },
            ],
        };
        await pipedrive.AddAsync("Hedy", "Lamarr", "hedy@example.com", (PipedriveSide.Custom("Nickname"), Values.Text("Hedy L.")), (PipedriveSide.Custom("Contract start"), Values.Date(new PartialDate(2026, 3, 1))));

        await Pair.SyncAsync();

        var variables = Variables("hedy@example.com");
        Assert.Equal("Hedy L.", variables["nickname"]);
        Assert.Equal("2026-03-01", variables["renewalDate"]);
        Assert.Null(wooxy.Contact("hedy@example.com")!["lastName"]);
    }

    [Fact]
    public async Task A_field_added_in_Pipedrive_after_the_first_sync_is_refreshed_matched_to_a_new_variable_and_carried()
    {
        Pair.Settings = Pair.Settings with { Mappings = [new FieldMapping(StandardFieldKeys.Emails, StandardFieldKeys.Emails)] };
        var id = await pipedrive.AddAsync("Radia", "Perlman", "radia@example.com");
        await Pair.SyncAsync();

        // A Pipedrive user adds a field; the refresh button reads both apps again and the new field is matched to a new variable.
        FieldDefinition added;
        await using (var connector = pipedrive.Connect())
        {
            added = await ((IFieldCreator)connector).CreateFieldAsync("Referral code", FieldType.Text, [], TestContext.Current.CancellationToken);
        }

        await using (var refreshed = pipedrive.Connect())
        {
            Assert.NotNull((await refreshed.GetSchemaAsync(TestContext.Current.CancellationToken)).Find(added.Key));
        }

        var variable = await CreateVariableAsync("Referral code", FieldType.Text);
        await pipedrive.SetAsync(id, added.Key, Values.Text("SPANNING-TREE"));
        Pair.Settings = Pair.Settings with { Mappings = [.. Pair.Settings.Mappings, new FieldMapping(added.Key, variable.Key) { Direction = MappingDirection.AToB }] };
        await Pair.SyncAsync();

        Assert.Equal("var.referralCode", variable.Key);
        Assert.Equal("SPANNING-TREE", Variables("radia@example.com")["referralCode"]);
    }

    /// <summary>A variable created from the matching table, as the wizard does through the connector.</summary>
    private async Task<FieldDefinition> CreateVariableAsync(string label, FieldType type)
    {
        await using var connector = wooxy.Connect();
        return await ((IFieldCreator)connector).CreateFieldAsync(label, type, [], TestContext.Current.CancellationToken);
    }

    private Dictionary<string, string> Variables(string email) =>
        wooxy.Contact(email)!["variables"]!.AsArray().ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!["value"]!.GetValue<string>());

    private static ListValue Phone(string phone) => new(FieldType.Phone, [new LabelledValue("mobile", Values.Phone(phone))]);
}
