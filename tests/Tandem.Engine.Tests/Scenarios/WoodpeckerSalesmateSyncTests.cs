using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// Woodpecker (A) ↔ Salesmate (B), the two apps of issue 12, both sandboxes over HTTP on 127.0.0.1. Prospects have no
/// notes, so the cases edit the job title and the company, which the default mapping pairs.
/// </summary>
public sealed class WoodpeckerSalesmateSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new WoodpeckerSide();

    protected override AppSide CreateB() => new SalesmateSide((StandardFieldKeys.Title, StandardFieldKeys.Org));

    /// <summary>A snippet is free text: Salesmate's text field maps to it both ways, a number into it as text.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.B, SalesmateSide.Custom("textCustomField1"), "snippet1", Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
            new("number", Side.B, SalesmateSide.Custom("decimalCustomField1"), "snippet2", Values.Number(12.5m), "12.5"),
        ],
    ];
}
