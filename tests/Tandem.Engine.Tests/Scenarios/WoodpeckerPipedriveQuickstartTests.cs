using System.Globalization;
using Tandem.Connectors.Pipedrive;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// The quickstart as Woodpecker tells it: Woodpecker (A) ↔ Pipedrive (B) both ways; on the Pipedrive side the rule
/// "has no deals" with the action "add tag New" on the Woodpecker side; Pipedrive wins conflicts; the default mapping
/// pairs Pipedrive's organization name with Woodpecker's company name.
/// </summary>
public sealed class WoodpeckerPipedriveQuickstartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Woodpecker's side keeps its default rule (everything); Pipedrive's is the quickstart's.</summary>
    private static ConnectionSettings Quickstart => new()
    {
        WinningSide = Side.B,
        RulesB =
        [
            new Rule
            {
                Id = "no-deals",
                Filters = [new Filter(FilterKind.FieldEquals, PipedriveFieldKeys.DealsCount, "0")],
                Actions = [new RuleAction(ActionKind.AddTag, Value: "New")],
            },
        ],
    };

    [Fact]
    public async Task The_default_mapping_pairs_Organization_name_with_Company_name()
    {
        await using var pair = await PairHarness.StartAsync(new WoodpeckerSide(), new PipedriveSide());
        await using var woodpecker = pair.A.Connect();
        await using var pipedrive = pair.B.Connect();

        var rows = DefaultMappings.For(await woodpecker.GetSchemaAsync(Ct), await pipedrive.GetSchemaAsync(Ct));

        var company = Assert.Single(rows, r => r.AField == StandardFieldKeys.Org);
        Assert.Equal(StandardFieldKeys.Org, company.BField);
        Assert.Equal("Company name", (await woodpecker.GetSchemaAsync(Ct)).Find(company.AField)!.Label);
        Assert.Equal("Organization", (await pipedrive.GetSchemaAsync(Ct)).Find(company.BField)!.Label);
    }

    [Fact]
    public async Task Persons_with_no_deals_reach_Woodpecker_tagged_New_with_their_company_and_those_with_deals_stay_out()
    {
        var pipedriveSide = new PipedriveSide();
        await using var pair = await PairHarness.StartAsync(new WoodpeckerSide(), pipedriveSide);
        pair.Settings = Quickstart;
        await pair.B.AddAsync("Nora", "Nodeals", "nora@example.com", (StandardFieldKeys.Org, Values.Text("Acme")));
        var dealer = await pair.B.AddAsync("Dean", "Dealer", "dean@example.com", (StandardFieldKeys.Org, Values.Text("Acme")));
        pipedriveSide.Sandbox.AddDeal(int.Parse(dealer, CultureInfo.InvariantCulture));
        await pair.A.AddAsync("Pia", "Prospect", "pia@example.com", (StandardFieldKeys.Org, Values.Text("Initech")));

        await pair.SyncAsync();
        var quiet = await pair.SyncAsync();

        var woodpecker = await pair.A.ByEmailAsync();
        Assert.Equal(["nora@example.com", "pia@example.com"], woodpecker.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Acme", woodpecker["nora@example.com"].Get(StandardFieldKeys.Org)?.Canonical);
        Assert.Equal(["New"], woodpecker["nora@example.com"].Tags);
        Assert.Equal("#New", pair.A is WoodpeckerSide w ? w.Sandbox.Prospect(int.Parse(woodpecker["nora@example.com"].Id, CultureInfo.InvariantCulture))!["tags"]!.GetValue<string>() : null);
        Assert.Equal("Initech", (await pair.B.FindAsync("pia@example.com")).Get(StandardFieldKeys.Org)?.Canonical);
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task When_both_apps_change_a_prospect_Pipedrive_wins_and_edits_flow_both_ways()
    {
        await using var pair = await PairHarness.StartAsync(new WoodpeckerSide(), new PipedriveSide());
        pair.Settings = Quickstart;
        var person = await pair.B.AddAsync("Cora", "Flict", "cora@example.com");
        await pair.SyncAsync();
        var prospect = (await pair.A.FindAsync("cora@example.com")).Id;

        await pair.A.SetAsync(prospect, StandardFieldKeys.Title, Values.Text("Title from Woodpecker"));
        await pair.B.SetAsync(person, StandardFieldKeys.Title, Values.Text("Title from Pipedrive"));
        var conflict = await pair.SyncAsync();
        await pair.A.SetAsync(prospect, StandardFieldKeys.Org, Values.Text("Edited in Woodpecker"));
        await pair.SyncAsync();

        Assert.Equal(1, conflict.Conflicts);
        Assert.Equal("Title from Pipedrive", (await pair.A.ReadAsync(prospect)).Get(StandardFieldKeys.Title)?.Canonical);
        Assert.Equal("Title from Pipedrive", (await pair.B.ReadAsync(person)).Get(StandardFieldKeys.Title)?.Canonical);
        Assert.Equal("Edited in Woodpecker", (await pair.B.ReadAsync(person)).Get(StandardFieldKeys.Org)?.Canonical);
    }
}
