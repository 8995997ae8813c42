using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// Woodpecker (A) ↔ Pipedrive (B), both sandboxes over HTTP on 127.0.0.1. Prospects have no notes, so the cases edit the
/// job title and the company (Pipedrive's organization), which the default mapping pairs.
/// </summary>
public sealed class WoodpeckerPipedriveSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new WoodpeckerSide();

    protected override AppSide CreateB() => new PipedriveSide((StandardFieldKeys.Title, StandardFieldKeys.Org));

    /// <summary>A snippet is free text: Pipedrive's text field maps to it both ways, numbers and choices into it as text.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.B, PipedriveSide.Custom("Nickname"), "snippet1", Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
            new("number", Side.B, PipedriveSide.Custom("Score"), "snippet2", Values.Number(12.5m), "12.5"),
        ],
    ];
}
