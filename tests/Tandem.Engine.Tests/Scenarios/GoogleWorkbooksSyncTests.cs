using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Google Contacts (A) ↔ Workbooks (B), the seed page's example pair, both sandboxes over HTTP on 127.0.0.1.</summary>
public sealed class GoogleWorkbooksSyncTests : PairSyncTests
{
    private static readonly string[] UserFields = ["nickname", "score", "contract", "segment"];

    protected override AppSide CreateA() => new GoogleSide();

    protected override AppSide CreateB() => new WorkbooksSide();

    /// <summary>Google's only custom fields are userDefined text: Workbooks text maps both ways, the other types into text one way.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.B, "cf_person_nickname", "userDefined.nickname", Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
            new("decimal", Side.B, "cf_person_score", "userDefined.score", Values.Number(12.5m), "12.5"),
            new("date", Side.B, "cf_person_contract_start", "userDefined.contract", Values.Date(new PartialDate(2026, 3, 1)), "2026-03-01"),
            new("picklist", Side.B, "cf_person_segment", "userDefined.segment", Values.Require(FieldType.SingleChoice, "Enterprise"), "Enterprise"),
        ],
    ];

    protected override async Task PrepareCustomFieldsAsync(PairHarness pair, IReadOnlyList<CustomFieldCase> batch)
    {
        var google = (GoogleSide)pair.A;
        google.DefineUserFields(await google.AddAsync("Key", "Holder", "keys@example.com"), UserFields);
    }
}
