using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Pipedrive (A) ↔ Mailchimp (B), both sandboxes over HTTP on 127.0.0.1.</summary>
public sealed class PipedriveMailchimpSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new PipedriveSide();

    protected override AppSide CreateB() => new MailchimpSide();

    /// <summary>Number, date and choice fields map both ways (choices through option labels); text and sets into notes.</summary>
    /// <remarks>A set becomes its option labels in the order Pipedrive lists the options (PRODUCT.md §5).</remarks>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("number", Side.A, PipedriveSide.Custom("Score"), MailchimpSide.Merge("SCORE"), Values.Number(12.5m), "12.5") { Back = Values.Number(7m), BackExpected = "7" },
            new("date", Side.A, PipedriveSide.Custom("Contract start"), MailchimpSide.Merge("RENEWAL"), Values.Date(new PartialDate(2026, 3, 1)), "2026-03-01")
            {
                Back = Values.Date(new PartialDate(2027, 4, 2)),
                BackExpected = "2027-04-02",
            },
            new("enum", Side.A, PipedriveSide.Custom("Segment"), MailchimpSide.Merge("PLAN"), Values.Require(FieldType.SingleChoice, "Enterprise"), "Enterprise"),
            new("text", Side.A, PipedriveSide.Custom("Nickname"), StandardFieldKeys.Note, Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
        ],
        [
            new("set", Side.A, PipedriveSide.Custom("Interests"), StandardFieldKeys.Note, Values.MultipleChoice(["Events", "Newsletter"]), "Newsletter, Events"),
        ],
    ];
}
