using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Google Contacts (A) ↔ Pipedrive (B), both sandboxes over HTTP on 127.0.0.1.</summary>
public sealed class GooglePipedriveSyncTests : PairSyncTests
{
    private static readonly string[] UserFields = ["nickname", "score", "contract", "segment", "interests"];

    protected override AppSide CreateA() => new GoogleSide();

    protected override AppSide CreateB() => new PipedriveSide();

    /// <summary>Google's only custom fields are userDefined text: Pipedrive text maps both ways, the other types into text one way.</summary>
    /// <remarks>A set becomes its option labels in the order Pipedrive lists the options (PRODUCT.md §5).</remarks>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.B, PipedriveSide.Custom("Nickname"), "userDefined.nickname", Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
            new("number", Side.B, PipedriveSide.Custom("Score"), "userDefined.score", Values.Number(12.5m), "12.5"),
            new("date", Side.B, PipedriveSide.Custom("Contract start"), "userDefined.contract", Values.Date(new PartialDate(2026, 3, 1)), "2026-03-01"),
            new("enum", Side.B, PipedriveSide.Custom("Segment"), "userDefined.segment", Values.Require(FieldType.SingleChoice, "Enterprise"), "Enterprise"),
            new("set", Side.B, PipedriveSide.Custom("Interests"), "userDefined.interests", Values.MultipleChoice(["Events", "Newsletter"]), "Newsletter, Events"),
        ],
    ];

    protected override async Task PrepareCustomFieldsAsync(PairHarness pair, IReadOnlyList<CustomFieldCase> batch)
    {
        var google = (GoogleSide)pair.A;
        google.DefineUserFields(await google.AddAsync("Key", "Holder", "keys@example.com"), UserFields);
    }
}
