using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Workbooks (A) ↔ Pipeliner CRM (B), the two CRMs of issue 11, both sandboxes over HTTP on 127.0.0.1.</summary>
public sealed class WorkbooksPipelinerSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new WorkbooksSide();

    protected override AppSide CreateB() => new PipelinerSide();

    /// <summary>Text and number custom fields map both ways.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.A, "cf_person_nickname", "cf_nickname", Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
            new("number", Side.A, "cf_person_score", "cf_budget", Values.Number(12.5m), "12.5") { Back = Values.Number(7m), BackExpected = "7" },
        ],
    ];
}
