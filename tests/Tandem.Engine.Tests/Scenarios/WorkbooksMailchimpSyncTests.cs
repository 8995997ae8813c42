using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Workbooks (A) ↔ Mailchimp (B), both sandboxes over HTTP on 127.0.0.1; Mailchimp's unsubscribes become a tag in Workbooks.</summary>
public sealed class WorkbooksMailchimpSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new WorkbooksSide();

    protected override AppSide CreateB() => new MailchimpSide();

    /// <summary>Number and date fields map both ways, a picklist into a dropdown through option labels, text into notes.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("decimal", Side.A, "cf_person_score", MailchimpSide.Merge("SCORE"), Values.Number(12.5m), "12.5") { Back = Values.Number(7m), BackExpected = "7" },
            new("date", Side.A, "cf_person_contract_start", MailchimpSide.Merge("RENEWAL"), Values.Date(new PartialDate(2026, 3, 1)), "2026-03-01")
            {
                Back = Values.Date(new PartialDate(2027, 4, 2)),
                BackExpected = "2027-04-02",
            },
            new("picklist", Side.A, "cf_person_segment", MailchimpSide.Merge("PLAN"), Values.Require(FieldType.SingleChoice, "Enterprise"), "Enterprise"),
            new("text", Side.A, "cf_person_nickname", StandardFieldKeys.Note, Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
        ],
    ];
}
