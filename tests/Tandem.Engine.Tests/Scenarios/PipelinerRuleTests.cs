using Tandem.Connectors.Pipeliner;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;
using Tandem.Sandbox.Pipeliner;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// The seed's Pipeliner filters and actions, end to end between Pipeliner (A) and Google Contacts (B) over HTTP: in / not
/// in sales unit, owned / not owned by, a field's value; setting the sales unit and the owner of the Pipeliner contact.
/// </summary>
public sealed class PipelinerRuleTests
{
    private static readonly string Olivia = PipelinerSandbox.Clients[0].Id;
    private static readonly string Sam = PipelinerSandbox.Clients[1].Id;
    private static readonly string Max = PipelinerSandbox.Clients[2].Id;

    [Fact]
    public async Task Sales_unit_and_owner_filters_select_the_contacts_that_reach_google()
    {
        await using var pair = await PairHarness.StartAsync(new PipelinerSide(), new GoogleSide());
        pair.Settings = new ConnectionSettings
        {
            RulesA =
            [
                new Rule
                {
                    Id = "emea-of-sam",
                    Filters = [new Filter(FilterKind.FieldEquals, PipelinerFieldKeys.SalesUnit, "EMEA"), new Filter(FilterKind.FieldEquals, PipelinerFieldKeys.Owner, Sam)],
                    Actions = [new RuleAction(ActionKind.AddTag, Value: "EMEA, Sam's")],
                },
                new Rule
                {
                    Id = "buyers-outside-hq-not-olivia",
                    Filters =
                    [
                        new Filter(FilterKind.FieldNotEquals, PipelinerFieldKeys.SalesUnit, "Headquarters"),
                        new Filter(FilterKind.FieldNotEquals, PipelinerFieldKeys.Owner, Olivia),
                        new Filter(FilterKind.FieldEquals, StandardFieldKeys.Title, "Buyer"),
                    ],
                },
            ],
            RulesB = [],
        };
        await AddAsync(pair, "sams.emea@example.com", "EMEA", Sam);
        await AddAsync(pair, "olivias.emea@example.com", "EMEA", Olivia, "Buyer");
        await AddAsync(pair, "americas.buyer@example.com", "Americas", Max, "Buyer");
        await AddAsync(pair, "hq.buyer@example.com", "Headquarters", Max, "Buyer");

        await pair.SyncAsync();

        var google = await pair.B.ByEmailAsync();
        Assert.Equal(["americas.buyer@example.com", "sams.emea@example.com"], google.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("EMEA, Sam's", google["sams.emea@example.com"].Tags);
        Assert.DoesNotContain("EMEA, Sam's", google["americas.buyer@example.com"].Tags);
    }

    [Fact]
    public async Task Google_rules_set_the_sales_unit_and_the_owner_of_the_pipeliner_contact()
    {
        await using var pair = await PairHarness.StartAsync(new PipelinerSide(), new GoogleSide());
        pair.Settings = new ConnectionSettings
        {
            RulesA = [Rule.Everything],
            RulesB =
            [
                new Rule
                {
                    Id = "to-americas",
                    Actions = [new RuleAction(ActionKind.SetField, PipelinerFieldKeys.SalesUnit, "Americas"), new RuleAction(ActionKind.SetField, PipelinerFieldKeys.Owner, Max)],
                },
            ],
        };
        await pair.B.AddAsync("Goo", "Gle", "goo@example.com");

        await pair.SyncAsync();
        var quiet = await pair.SyncAsync();

        var contact = await pair.A.FindAsync("goo@example.com");
        var stored = ((PipelinerSide)pair.A).Sandbox.Contact(contact.Id)!;
        Assert.Equal(PipelinerSandbox.SalesUnits.Single(u => u.Name == "Americas").Id, stored["unit_id"]!.GetValue<string>());
        Assert.Equal(Max, stored["owner_id"]!.GetValue<string>());
        Assert.Equal("Americas", contact.Get(PipelinerFieldKeys.SalesUnit)?.Canonical);
        Assert.Equal(0, quiet.WriteCalls);
    }

    private static Task<string> AddAsync(PairHarness pair, string email, string unit, string owner, string? title = null) =>
        pair.A.AddAsync(
            email.Split('@')[0],
            "Contact",
            email,
            [
                (PipelinerFieldKeys.SalesUnit, Values.Require(FieldType.SingleChoice, unit)),
                (PipelinerFieldKeys.Owner, Values.Require(FieldType.OwnerReference, owner)),
                .. title is null ? Array.Empty<(string, FieldValue)>() : [(StandardFieldKeys.Title, Values.Text(title))],
            ]);
}
