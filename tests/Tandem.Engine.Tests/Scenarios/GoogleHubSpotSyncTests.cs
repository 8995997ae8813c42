using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Google Contacts (A) ↔ HubSpot (B), both sandboxes over HTTP on 127.0.0.1.</summary>
public sealed class GoogleHubSpotSyncTests : PairSyncTests
{
    private static readonly string[] UserFields = ["nickname", "score", "segment", "interests"];

    protected override AppSide CreateA() => new GoogleSide();

    protected override AppSide CreateB() => new HubSpotSide();

    /// <summary>Google's only custom fields are userDefined text: HubSpot text maps both ways, the other types into text one way.</summary>
    /// <remarks>A checkbox property becomes its option labels in the order HubSpot lists the options (PRODUCT.md §5).</remarks>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.B, HubSpotSide.Property("nickname"), "userDefined.nickname", Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
            new("number", Side.B, HubSpotSide.Property("score"), "userDefined.score", Values.Number(12.5m), "12.5"),
            new("enumeration", Side.B, HubSpotSide.Property("segment"), "userDefined.segment", Values.Require(FieldType.SingleChoice, "Enterprise"), "Enterprise"),
            new("checkbox", Side.B, HubSpotSide.Property("interests"), "userDefined.interests", Values.MultipleChoice(["Events", "Newsletter"]), "Events, Newsletter"),
        ],
    ];

    protected override async Task PrepareCustomFieldsAsync(PairHarness pair, IReadOnlyList<CustomFieldCase> batch)
    {
        var google = (GoogleSide)pair.A;
        google.DefineUserFields(await google.AddAsync("Key", "Holder", "keys@example.com"), UserFields);
    }
}
