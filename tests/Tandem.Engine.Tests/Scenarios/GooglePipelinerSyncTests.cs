using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Google Contacts (A) ↔ Pipeliner CRM (B), the seed's example pair, both sandboxes over HTTP on 127.0.0.1.</summary>
public sealed class GooglePipelinerSyncTests : PairSyncTests
{
    private static readonly string[] UserFields = ["nickname", "headcount", "industry", "newsletters", "meeting"];

    protected override AppSide CreateA() => new GoogleSide();

    protected override AppSide CreateB() => new PipelinerSide();

    /// <summary>Google's only custom fields are userDefined text: Pipeliner text maps both ways, the other types into text one way.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.B, "cf_nickname", "userDefined.nickname", Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
            new("number", Side.B, "cf_headcount", "userDefined.headcount", Values.Number(42), "42"),
            new("dropdown", Side.B, "cf_industry", "userDefined.industry", Values.Require(FieldType.SingleChoice, "Retail"), "Retail"),
            new("multiselect", Side.B, "cf_newsletters", "userDefined.newsletters", Values.MultipleChoice(["Offers", "Events"]), "Events, Offers"),
            new("datetime", Side.B, "cf_last_meeting", "userDefined.meeting", Values.Require(FieldType.DateTime, "2026-03-01T10:30:00Z"), "2026-03-01T10:30:00Z"),
        ],
    ];

    protected override async Task PrepareCustomFieldsAsync(PairHarness pair, IReadOnlyList<CustomFieldCase> batch)
    {
        var google = (GoogleSide)pair.A;
        google.DefineUserFields(await google.AddAsync("Key", "Holder", "keys@example.com"), UserFields);
    }
}
