using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Google Contacts (A) ↔ Mailchimp (B), both sandboxes over HTTP on 127.0.0.1.</summary>
public sealed class GoogleMailchimpSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new GoogleSide();

    protected override AppSide CreateB() => new MailchimpSide();

    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("number", Side.B, MailchimpSide.Merge("SCORE"), "userDefined.score", Values.Number(12.5m), "12.5"),
            new("date", Side.B, MailchimpSide.Merge("RENEWAL"), "userDefined.renewal", Values.Date(new PartialDate(2026, 3, 1)), "2026-03-01"),
            new("dropdown", Side.B, MailchimpSide.Merge("PLAN"), "userDefined.plan", Values.Require(FieldType.SingleChoice, "Pro"), "Pro"),
        ],
    ];

    protected override async Task PrepareCustomFieldsAsync(PairHarness pair, IReadOnlyList<CustomFieldCase> batch)
    {
        var google = (GoogleSide)pair.A;
        google.DefineUserFields(await google.AddAsync("Key", "Holder", "keys@example.com"), "score", "renewal", "plan");
    }
}
