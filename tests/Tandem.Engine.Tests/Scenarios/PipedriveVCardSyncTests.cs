using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Pipedrive (A, the sandbox over HTTP on 127.0.0.1) ↔ a vCard folder (B).</summary>
public sealed class PipedriveVCardSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new PipedriveSide();

    protected override AppSide CreateB() => new VCardSide();

    /// <summary>vCard has no custom fields: Pipedrive's map onto its standard ones, same types both ways, others into text.</summary>
    /// <remarks>A set becomes its option labels in the order Pipedrive lists the options (PRODUCT.md §5).</remarks>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.A, PipedriveSide.Custom("Nickname"), StandardFieldKeys.Org, Values.Text("Cee Corp"), "Cee Corp") { Back = Values.Text("Dee Corp"), BackExpected = "Dee Corp" },
            new("number", Side.A, PipedriveSide.Custom("Score"), StandardFieldKeys.Title, Values.Number(12.5m), "12.5"),
            new("date", Side.A, PipedriveSide.Custom("Contract start"), StandardFieldKeys.Birthday, Values.Date(new PartialDate(2026, 3, 1)), "2026-03-01")
            {
                Back = Values.Date(new PartialDate(2027, 4, 2)),
                BackExpected = "2027-04-02",
            },
            new("set", Side.A, PipedriveSide.Custom("Interests"), StandardFieldKeys.Note, Values.MultipleChoice(["Events", "Newsletter"]), "Newsletter, Events"),
        ],
        [
            new("enum", Side.A, PipedriveSide.Custom("Segment"), StandardFieldKeys.Title, Values.Require(FieldType.SingleChoice, "Enterprise"), "Enterprise"),
        ],
    ];
}
