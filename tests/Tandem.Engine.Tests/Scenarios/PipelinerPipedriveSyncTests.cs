using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Pipeliner CRM (A) ↔ Pipedrive (B), two CRMs, both sandboxes over HTTP on 127.0.0.1.</summary>
public sealed class PipelinerPipedriveSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new PipelinerSide();

    protected override AppSide CreateB() => new PipedriveSide();

    /// <summary>Text and number fields map both ways; a Pipedrive choice into Pipeliner text one way.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.A, "cf_nickname", PipedriveSide.Custom("Nickname"), Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
            new("number", Side.A, "cf_budget", PipedriveSide.Custom("Score"), Values.Number(12.5m), "12.5") { Back = Values.Number(7m), BackExpected = "7" },
            new("enum", Side.B, PipedriveSide.Custom("Segment"), "cf_background", Values.Require(FieldType.SingleChoice, "Enterprise"), "Enterprise"),
        ],
    ];
}
