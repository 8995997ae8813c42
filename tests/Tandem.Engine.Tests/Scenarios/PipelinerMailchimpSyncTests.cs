using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Pipeliner CRM (A) ↔ Mailchimp (B), both sandboxes over HTTP on 127.0.0.1.</summary>
public sealed class PipelinerMailchimpSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new PipelinerSide();

    protected override AppSide CreateB() => new MailchimpSide();

    /// <summary>Number and choice fields map both ways (choices through option labels), text into notes.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("number", Side.A, "cf_headcount", MailchimpSide.Merge("SCORE"), Values.Number(12), "12") { Back = Values.Number(7m), BackExpected = "7" },
            new("text", Side.A, "cf_nickname", StandardFieldKeys.Note, Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
        ],
    ];
}
