using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Google Contacts (A, the sandbox over HTTP on 127.0.0.1) ↔ a vCard folder (B), every pair case.</summary>
public sealed class GoogleVCardSyncTests : PairSyncTests
{
    protected override AppSide CreateA() => new GoogleSide();

    protected override AppSide CreateB() => new VCardSide();

    /// <summary>Google's userDefined text onto a card's text field, both ways.</summary>
    protected override IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; } =
    [
        [
            new("text", Side.A, "userDefined.nickname", StandardFieldKeys.Title, Values.Text("Cee"), "Cee") { Back = Values.Text("Dee"), BackExpected = "Dee" },
        ],
    ];

    protected override async Task PrepareCustomFieldsAsync(PairHarness pair, IReadOnlyList<CustomFieldCase> batch)
    {
        var google = (GoogleSide)pair.A;
        google.DefineUserFields(await google.AddAsync("Key", "Holder", "keys@example.com"), "nickname");
    }
}
