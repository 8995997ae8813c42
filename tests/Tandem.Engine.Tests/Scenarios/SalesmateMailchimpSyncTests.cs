using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// Salesmate (A) ↔ Mailchimp (B), both sandboxes over HTTP on 127.0.0.1: the seed's unsubscribes, one way from
/// Mailchimp into Salesmate's tag "Tandem Unsubscribes".
/// </summary>
public sealed class SalesmateMailchimpSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new SalesmateSide();

    protected override AppSide CreateB() => new MailchimpSide();

    /// <summary>Decimal, date and select fields map both ways (choices through option labels); text into Mailchimp's notes.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("decimal", Side.A, SalesmateSide.Custom("decimalCustomField1"), MailchimpSide.Merge("SCORE"), Values.Number(12.5m), "12.5") { Back = Values.Number(7m), BackExpected = "7" },
            new("date", Side.A, SalesmateSide.Custom("dateCustomField2"), MailchimpSide.Merge("RENEWAL"), Values.Date(new PartialDate(2026, 3, 1)), "2026-03-01")
            {
                Back = Values.Date(new PartialDate(2027, 4, 2)),
                BackExpected = "2027-04-02",
            },
            new("select", Side.A, SalesmateSide.Custom("selectCustomField1"), MailchimpSide.Merge("PLAN"), Values.Require(FieldType.SingleChoice, "Enterprise"), "Enterprise"),
            new("text", Side.A, SalesmateSide.Custom("textCustomField1"), StandardFieldKeys.Note, Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
        ],
    ];
}
