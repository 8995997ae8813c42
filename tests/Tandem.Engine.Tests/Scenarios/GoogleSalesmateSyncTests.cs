using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// Google Contacts (A) ↔ Salesmate (B), both sandboxes over HTTP on 127.0.0.1: the seed's pair with sync deletions
/// (Salesmate's deletions found by complete version listings).
/// </summary>
public sealed class GoogleSalesmateSyncTests : PairSyncTests
{
    private static readonly string[] UserFields = ["nickname", "score", "contract", "segment", "interests"];

    protected override AppSide CreateA() => new GoogleSide();

    protected override AppSide CreateB() => new SalesmateSide();

    /// <summary>Google's only custom fields are userDefined text: Salesmate text maps both ways, the other types into text one way.</summary>
    /// <remarks>A multi-select becomes its option labels in the order Salesmate lists the options (PRODUCT.md §5).</remarks>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.B, SalesmateSide.Custom("textCustomField1"), "userDefined.nickname", Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
            new("decimal", Side.B, SalesmateSide.Custom("decimalCustomField1"), "userDefined.score", Values.Number(12.5m), "12.5"),
            new("date", Side.B, SalesmateSide.Custom("dateCustomField2"), "userDefined.contract", Values.Date(new PartialDate(2026, 3, 1)), "2026-03-01"),
            new("select", Side.B, SalesmateSide.Custom("selectCustomField1"), "userDefined.segment", Values.Require(FieldType.SingleChoice, "Enterprise"), "Enterprise"),
            new("multi-select", Side.B, SalesmateSide.Custom("multiSelectCustomField1"), "userDefined.interests", Values.MultipleChoice(["Events", "Newsletter"]), "Events, Newsletter"),
        ],
    ];

    protected override async Task PrepareCustomFieldsAsync(PairHarness pair, IReadOnlyList<CustomFieldCase> batch)
    {
        var google = (GoogleSide)pair.A;
        google.DefineUserFields(await google.AddAsync("Key", "Holder", "keys@example.com"), UserFields);
    }
}
