using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Mailchimp (A, the sandbox over HTTP on 127.0.0.1) ↔ a vCard folder (B).</summary>
public sealed class MailchimpVCardSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new MailchimpSide();

    protected override AppSide CreateB() => new VCardSide();

    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("number", Side.A, MailchimpSide.Merge("SCORE"), StandardFieldKeys.Title, Values.Number(12.5m), "12.5"),
            new("date", Side.A, MailchimpSide.Merge("RENEWAL"), StandardFieldKeys.Birthday, Values.Date(new PartialDate(2026, 3, 1)), "2026-03-01")
            {
                Back = Values.Date(new PartialDate(2027, 4, 2)),
                BackExpected = "2027-04-02",
            },
            new("dropdown", Side.A, MailchimpSide.Merge("PLAN"), StandardFieldKeys.Org, Values.Require(FieldType.SingleChoice, "Pro"), "Pro"),
        ],
    ];
}
