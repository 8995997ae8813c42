using System.Globalization;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>HubSpot (A) ↔ Pipedrive (B), both sandboxes over HTTP on 127.0.0.1.</summary>
public sealed class HubSpotPipedriveSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new HubSpotSide();

    protected override AppSide CreateB() => new PipedriveSide();

    /// <summary>Text, number, date, choice and multiple-choice properties map both ways onto Pipedrive's fields of the same kind.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.A, HubSpotSide.Property("nickname"), PipedriveSide.Custom("Nickname"), Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
            new("number", Side.A, HubSpotSide.Property("score"), PipedriveSide.Custom("Score"), Values.Number(12.5m), "12.5") { Back = Values.Number(7m), BackExpected = "7" },
            new("date", Side.A, HubSpotSide.Property("contract_start"), PipedriveSide.Custom("Contract start"), Values.Date(new PartialDate(2026, 3, 1)), "2026-03-01")
            {
                Back = Values.Date(new PartialDate(2027, 4, 2)),
                BackExpected = "2027-04-02",
            },
            new("enumeration", Side.A, HubSpotSide.Property("segment"), PipedriveSide.Custom("Segment"), Values.Require(FieldType.SingleChoice, "Enterprise"), "Enterprise")
            {
                Back = Values.Require(FieldType.SingleChoice, "SMB"),
                BackExpected = "SMB",
            },
            new("checkbox", Side.A, HubSpotSide.Property("interests"), PipedriveSide.Custom("Interests"), Values.MultipleChoice(["Events", "Newsletter"]), Values.MultipleChoice(["Events", "Newsletter"]).Canonical),
        ],
    ];

    [Fact]
    public async Task A_HubSpot_merge_into_a_new_contact_moves_the_pair_to_the_survivor_and_tags_and_creates_nothing()
    {
        await using var pair = await PairHarness.StartAsync(CreateA(), CreateB());
        pair.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        var hubspot = (HubSpotSide)pair.A;
        var merged = await pair.A.AddAsync("Mia", "Old", "mia.old@example.com");
        await pair.SyncAsync();
        var person = (await pair.B.FindAsync("mia.old@example.com")).Id;

        var survivor = await pair.A.AddAsync("Mia", "New", "mia.new@example.com");
        pair.A.Later();
        hubspot.Sandbox.MergeContacts(survivor, merged);
        var report = await pair.SyncAsync();
        var quiet = await pair.SyncAsync();

        var onB = await pair.B.ByEmailAsync();
        Assert.Equal(["mia.new@example.com"], onB.Keys);
        Assert.Equal(person, onB["mia.new@example.com"].Id);
        Assert.Equal("New", onB["mia.new@example.com"].Get(StandardFieldKeys.LastName)?.Canonical);
        Assert.DoesNotContain(SyncOptions.TrashTag, onB["mia.new@example.com"].Tags);
        Assert.Equal(1, hubspot.Sandbox.ContactCount);
        Assert.Equal(1, await pair.Sync.LinkCountAsync());
        Assert.Equal(0, report.A.Created + report.B.Created);
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task A_Pipedrive_merge_into_a_new_person_moves_the_pair_to_the_survivor_instead_of_a_delete_and_a_create()
    {
        await using var pair = await PairHarness.StartAsync(CreateA(), CreateB());
        pair.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        var pipedrive = (PipedriveSide)pair.B;
        var contact = await pair.A.AddAsync("Pia", "Old", "pia.old@example.com");
        await pair.SyncAsync();
        var merged = (await pair.B.FindAsync("pia.old@example.com")).Id;

        var survivor = await pair.B.AddAsync("Pia", "New", "pia.new@example.com");
        pair.B.Later();
        pipedrive.Sandbox.MergePersons(Number(merged), Number(survivor));
        var report = await pair.SyncAsync();
        var quiet = await pair.SyncAsync();

        var onA = await pair.A.ByEmailAsync();
        Assert.Equal(["pia.new@example.com"], onA.Keys);
        Assert.Equal(contact, onA["pia.new@example.com"].Id);
        Assert.DoesNotContain(SyncOptions.TrashTag, onA["pia.new@example.com"].Tags);
        Assert.Equal([survivor], (await pair.B.ByEmailAsync()).Values.Select(r => r.Id));
        Assert.Equal(1, await pair.Sync.LinkCountAsync());
        Assert.Equal(0, report.A.Created + report.B.Created);
        Assert.Equal(0, report.A.DeletionsDetected + report.B.DeletionsDetected);
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task A_merge_of_two_linked_contacts_keeps_the_survivors_pair_and_leaves_the_other_counterpart_untouched()
    {
        await using var pair = await PairHarness.StartAsync(CreateA(), CreateB());
        pair.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        var hubspot = (HubSpotSide)pair.A;
        var survivor = await pair.A.AddAsync("Rae", "Kept", "rae.kept@example.com");
        var merged = await pair.A.AddAsync("Rae", "Gone", "rae.gone@example.com");
        await pair.SyncAsync();
        var counterpart = (await pair.B.FindAsync("rae.gone@example.com")).Id;

        pair.A.Later();
        hubspot.Sandbox.MergeContacts(survivor, merged);
        var report = await pair.SyncAsync();

        var left = await pair.B.ReadAsync(counterpart);
        Assert.Equal("Gone", left.Get(StandardFieldKeys.LastName)?.Canonical);
        Assert.DoesNotContain(SyncOptions.TrashTag, left.Tags);
        Assert.Equal(1, await pair.Sync.LinkCountAsync());
        Assert.Equal(0, report.A.Created + report.B.Created + report.B.Deleted);
    }

    private static int Number(string id) => int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);
}
