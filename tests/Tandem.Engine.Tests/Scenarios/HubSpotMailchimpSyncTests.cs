using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>HubSpot (A) ↔ Mailchimp (B), both sandboxes over HTTP on 127.0.0.1: unsubscribes travel, nobody is re-subscribed.</summary>
public sealed class HubSpotMailchimpSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new HubSpotSide();

    protected override AppSide CreateB() => new MailchimpSide();

    /// <summary>Number and date properties map both ways onto merge fields; a choice property into the note.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("number", Side.A, HubSpotSide.Property("score"), MailchimpSide.Merge("SCORE"), Values.Number(12.5m), "12.5") { Back = Values.Number(7m), BackExpected = "7" },
            new("date", Side.A, HubSpotSide.Property("contract_start"), MailchimpSide.Merge("RENEWAL"), Values.Date(new PartialDate(2026, 3, 1)), "2026-03-01")
            {
                Back = Values.Date(new PartialDate(2027, 4, 2)),
                BackExpected = "2027-04-02",
            },
            new("enumeration", Side.A, HubSpotSide.Property("segment"), StandardFieldKeys.Note, Values.Require(FieldType.SingleChoice, "Enterprise"), "Enterprise"),
        ],
    ];
}
