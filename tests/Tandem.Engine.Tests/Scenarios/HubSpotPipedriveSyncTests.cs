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
}
