using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Workbooks;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// The seed's Workbooks filters and actions, end to end between Workbooks (A) and Google Contacts (B) over HTTP:
/// ownership and assignment, watched / not watched, opted into / out of emails, lead source, marketing campaign, deleted;
/// opting into / out of emails and setting the lead source and marketing campaign of the Workbooks person.
/// </summary>
public sealed class WorkbooksRuleTests
{
    [Fact]
    public async Task Watched_opted_in_lead_source_ownership_campaign_and_assignment_select_the_people_that_reach_google()
    {
        await using var pair = await PairHarness.StartAsync(new WorkbooksSide(), new GoogleSide());
        pair.Settings = new ConnectionSettings
        {
            RulesA =
            [
                new Rule
                {
                    Id = "watched-web-leads",
                    Filters =
                    [
                        new Filter(FilterKind.FieldEquals, WorkbooksFieldKeys.Watched, "true"),
                        new Filter(FilterKind.FieldEquals, WorkbooksFieldKeys.NoEmailSoliciting, "false"),
                        new Filter(FilterKind.FieldEquals, WorkbooksFieldKeys.LeadSource, "Web"),
                        new Filter(FilterKind.FieldEquals, WorkbooksFieldKeys.Owner, "2"),
                    ],
                    Actions = [new RuleAction(ActionKind.AddTag, Value: "Web lead")],
                },
                new Rule
                {
                    Id = "unassigned-campaign",
                    Filters = [new Filter(FilterKind.FieldEquals, WorkbooksFieldKeys.MarketingCampaign, "Spring newsletter"), new Filter(FilterKind.FieldIsEmpty, WorkbooksFieldKeys.Owner)],
                },
                new Rule
                {
                    Id = "opted-out-unwatched-not-owner-1",
                    Filters =
                    [
                        new Filter(FilterKind.FieldEquals, WorkbooksFieldKeys.NoEmailSoliciting, "true"),
                        new Filter(FilterKind.FieldEquals, WorkbooksFieldKeys.Watched, "false"),
                        new Filter(FilterKind.FieldNotEquals, WorkbooksFieldKeys.Owner, "1"),
                        new Filter(FilterKind.FieldIsNotEmpty, WorkbooksFieldKeys.Owner),
                    ],
                },
            ],
            RulesB = [],
        };
        await AddAsync(pair, "web@example.com", new() { ["watched"] = true, ["no_email_soliciting"] = false, ["lead_source_type"] = "Web", ["assigned_to"] = 2 });
        await AddAsync(pair, "unwatched.web@example.com", new() { ["watched"] = false, ["no_email_soliciting"] = false, ["lead_source_type"] = "Web", ["assigned_to"] = 2 });
        await AddAsync(pair, "opted.out.web@example.com", new() { ["watched"] = true, ["no_email_soliciting"] = true, ["lead_source_type"] = "Web", ["assigned_to"] = 2 });
        await AddAsync(pair, "campaign@example.com", new() { ["marketing_campaign_name"] = "Spring newsletter", ["assigned_to"] = null });
        await AddAsync(pair, "assigned.campaign@example.com", new() { ["marketing_campaign_name"] = "Spring newsletter", ["assigned_to"] = 1 });
        await AddAsync(pair, "quiet@example.com", new() { ["watched"] = false, ["no_email_soliciting"] = true, ["assigned_to"] = 3 });
        await AddAsync(pair, "quiet.owner1@example.com", new() { ["watched"] = false, ["no_email_soliciting"] = true, ["assigned_to"] = 1 });

        await pair.SyncAsync();

        var google = await pair.B.ByEmailAsync();
        Assert.Equal(["campaign@example.com", "quiet@example.com", "web@example.com"], google.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Web lead", google["web@example.com"].Tags);
        Assert.DoesNotContain("Web lead", google["quiet@example.com"].Tags);
    }

    [Fact]
    public async Task Google_rules_opt_the_person_into_or_out_of_emails_and_set_lead_source_and_campaign()
    {
        await using var pair = await PairHarness.StartAsync(new WorkbooksSide(), new GoogleSide());
        pair.Settings = new ConnectionSettings
        {
            RulesA = [Rule.Everything],
            RulesB =
            [
                new Rule
                {
                    Id = "subscribers",
                    Filters = [new Filter(FilterKind.FieldEquals, StandardFieldKeys.Title, "Subscriber")],
                    Actions =
                    [
                        new RuleAction(ActionKind.SetField, WorkbooksFieldKeys.NoEmailSoliciting, "false"),
                        new RuleAction(ActionKind.SetField, WorkbooksFieldKeys.LeadSource, "Referral"),
                        new RuleAction(ActionKind.SetField, WorkbooksFieldKeys.MarketingCampaign, "Autumn launch"),
                    ],
                },
                new Rule
                {
                    Id = "others",
                    Filters = [new Filter(FilterKind.FieldNotEquals, StandardFieldKeys.Title, "Subscriber")],
                    Actions = [new RuleAction(ActionKind.SetField, WorkbooksFieldKeys.NoEmailSoliciting, "true")],
                },
            ],
        };
        await pair.B.AddAsync("Sub", "Scriber", "sub@example.com", (StandardFieldKeys.Title, Values.Text("Subscriber")));
        await pair.B.AddAsync("Not", "Interested", "not@example.com", (StandardFieldKeys.Title, Values.Text("Buyer")));

        await pair.SyncAsync();
        var quiet = await pair.SyncAsync();

        var sub = await pair.A.FindAsync("sub@example.com");
        var not = await pair.A.FindAsync("not@example.com");
        Assert.Equal("false", sub.Get(WorkbooksFieldKeys.NoEmailSoliciting)?.Canonical);
        Assert.Equal("Referral", sub.Get(WorkbooksFieldKeys.LeadSource)?.Canonical);
        Assert.Equal("Autumn launch", sub.Get(WorkbooksFieldKeys.MarketingCampaign)?.Canonical);
        Assert.Equal("true", not.Get(WorkbooksFieldKeys.NoEmailSoliciting)?.Canonical);
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task A_person_deleted_in_workbooks_runs_the_deleted_rule_on_its_google_contact()
    {
        await using var pair = await PairHarness.StartAsync(new WorkbooksSide(), new GoogleSide());
        pair.Settings = new ConnectionSettings
        {
            RulesA =
            [
                Rule.Everything,
                new Rule { Id = "lost-web-lead", Filters = [new Filter(FilterKind.GetsDeleted), new Filter(FilterKind.FieldEquals, WorkbooksFieldKeys.LeadSource, "Web")], Actions = [new RuleAction(ActionKind.AddTag, Value: "Lost web lead")] },
            ],
            RulesB = [],
        };
        var web = await AddAsync(pair, "web@example.com", new() { ["lead_source_type"] = "Web" });
        var advert = await AddAsync(pair, "advert@example.com", new() { ["lead_source_type"] = "Advert" });
        await pair.SyncAsync();

        await pair.A.DeleteAsync(web);
        await pair.A.DeleteAsync(advert);
        await pair.SyncAsync();

        Assert.Contains("Lost web lead", (await pair.B.FindAsync("web@example.com")).Tags);
        Assert.DoesNotContain("Lost web lead", (await pair.B.FindAsync("advert@example.com")).Tags);
    }

    /// <summary>A person as the Workbooks user leaves it: added, then its columns set in Workbooks.</summary>
    private static async Task<string> AddAsync(PairHarness pair, string email, JsonObject columns)
    {
        var id = await pair.A.AddAsync(email.Split('@')[0], "Person", email);
        pair.A.Later();
        ((WorkbooksSide)pair.A).Sandbox.EditPerson(int.Parse(id, CultureInfo.InvariantCulture), columns);
        return id;
    }
}
