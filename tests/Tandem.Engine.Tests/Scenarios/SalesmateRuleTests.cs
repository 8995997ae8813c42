using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;
using Tandem.Sandbox.Salesmate;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// The seed's Salesmate filters and actions, end to end between Salesmate (A) and Google Contacts (B) over HTTP: has /
/// does not have tag, owned / not owned by, field values (a custom field included), gets deleted, already existing in
/// the other app; tagging, updating ownership and updating field values (a custom field included) in Salesmate.
/// </summary>
public sealed class SalesmateRuleTests
{
    private static readonly string Other = SalesmateSandbox.OtherUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string Segment = SalesmateSide.Custom("selectCustomField1");

    [Fact]
    public async Task Owned_by_with_a_tag_and_a_custom_field_value_selects_the_contacts_that_reach_google()
    {
        await using var pair = await PairHarness.StartAsync(new SalesmateSide(), new GoogleSide());
        var salesmate = (SalesmateSide)pair.A;
        pair.Settings = new ConnectionSettings
        {
            RulesA =
            [
                new Rule { Id = "vip-of-olivia", Filters = [new Filter(FilterKind.FieldEquals, "owner", Other), new Filter(FilterKind.HasTag, Value: "VIP")], Actions = [new RuleAction(ActionKind.AddTag, Value: "Olivia's VIP")] },
                new Rule { Id = "enterprise-not-sam", Filters = [new Filter(FilterKind.FieldNotEquals, "owner", "1"), new Filter(FilterKind.FieldEquals, Segment, "Enterprise"), new Filter(FilterKind.HasNotTag, Value: "VIP")] },
            ],
            RulesB = [],
        };
        var vip = await salesmate.AddAsync("Vi", "Pee", "vip@example.com", ("owner", Owner(Other)));
        await salesmate.TagAsync(vip, "VIP");
        var samsVip = await salesmate.AddAsync("Sam's", "Vip", "sams.vip@example.com", ("owner", Owner("1")));
        await salesmate.TagAsync(samsVip, "VIP");
        await salesmate.AddAsync("En", "Terprise", "enterprise@example.com", ("owner", Owner(Other)), (Segment, Values.Require(FieldType.SingleChoice, "Enterprise")));
        await salesmate.AddAsync("Sm", "B", "smb@example.com", ("owner", Owner(Other)), (Segment, Values.Require(FieldType.SingleChoice, "SMB")));

        await pair.SyncAsync();

        var google = await pair.B.ByEmailAsync();
        Assert.Equal(["enterprise@example.com", "vip@example.com"], google.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Olivia's VIP", google["vip@example.com"].Tags);
    }

    [Fact]
    public async Task Google_rules_tag_set_the_owner_and_set_a_custom_field_of_the_salesmate_contact()
    {
        await using var pair = await PairHarness.StartAsync(new SalesmateSide(), new GoogleSide());
        pair.Settings = new ConnectionSettings
        {
            RulesA = [Rule.Everything],
            RulesB =
            [
                new Rule
                {
                    Id = "from-google",
                    Actions =
                    [
                        new RuleAction(ActionKind.AddTag, Value: "From Google"),
                        new RuleAction(ActionKind.SetField, "owner", Other),
                        new RuleAction(ActionKind.SetField, Segment, "SMB"),
                    ],
                },
            ],
        };
        await pair.B.AddAsync("Goo", "Gle", "goo@example.com");

        await pair.SyncAsync();
        var quiet = await pair.SyncAsync();

        var contact = await pair.A.FindAsync("goo@example.com");
        Assert.Contains("From Google", contact.Tags);
        Assert.Equal(Other, contact.Get("owner")?.Canonical);
        Assert.Equal("SMB", contact.Get(Segment)?.Canonical);
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task A_contact_deleted_in_salesmate_runs_the_gets_deleted_rule_on_its_google_contact()
    {
        await using var pair = await PairHarness.StartAsync(new SalesmateSide(), new GoogleSide());
        pair.Settings = new ConnectionSettings
        {
            RulesA =
            [
                Rule.Everything,
                new Rule { Id = "lost", Filters = [new Filter(FilterKind.GetsDeleted), new Filter(FilterKind.HasTag, Value: "VIP")], Actions = [new RuleAction(ActionKind.AddTag, Value: "Lost VIP")] },
            ],
            RulesB = [],
        };
        var vip = await pair.A.AddAsync("Vera", "Ip", "vera@example.com");
        await pair.A.TagAsync(vip, "VIP");
        var plain = await pair.A.AddAsync("Plain", "Jane", "jane@example.com");
        await pair.SyncAsync();

        await pair.A.DeleteAsync(vip);
        await pair.A.DeleteAsync(plain);
        await pair.SyncAsync();

        Assert.Contains("Lost VIP", (await pair.B.FindAsync("vera@example.com")).Tags);
        Assert.DoesNotContain("Lost VIP", (await pair.B.FindAsync("jane@example.com")).Tags);
    }

    [Fact]
    public async Task Already_existing_in_google_only_updates_and_never_creates()
    {
        await using var pair = await PairHarness.StartAsync(new SalesmateSide(), new GoogleSide());
        pair.Settings = new ConnectionSettings { RulesA = [new Rule { Id = "known", Filters = [new Filter(FilterKind.ExistsInOtherApp)] }], RulesB = [] };
        await pair.A.AddAsync("Known", "One", "known@example.com", (StandardFieldKeys.Title, Values.Text("Buyer")));
        await pair.A.AddAsync("New", "One", "new@example.com");
        await pair.B.AddAsync("Known", "One", "known@example.com");

        await pair.SyncAsync();

        var google = await pair.B.ByEmailAsync();
        Assert.Equal(["known@example.com"], google.Keys);
        Assert.Equal("Buyer", google["known@example.com"].Get(StandardFieldKeys.Title)?.Canonical);
    }

    [Fact]
    public async Task A_contact_salesmate_refuses_with_a_failure_fails_alone_with_salesmate_s_message()
    {
        await using var pair = await PairHarness.StartAsync(new SalesmateSide(), new GoogleSide());
        pair.Settings = new ConnectionSettings
        {
            RulesA = [Rule.Everything],
            RulesB =
            [
                new Rule { Id = "bad-owner", Filters = [new Filter(FilterKind.FieldEquals, StandardFieldKeys.Title, "Nobody's")], Actions = [new RuleAction(ActionKind.SetField, "owner", "999")] },
                Rule.Everything,
            ],
        };
        var refused = await pair.B.AddAsync("Orphan", "Contact", "orphan@example.com", (StandardFieldKeys.Title, Values.Text("Nobody's")));
        await pair.B.AddAsync("Fine", "Contact", "fine@example.com", (StandardFieldKeys.Title, Values.Text("Buyer")));

        var report = await pair.Sync.SyncAsync();

        Assert.Equal(["fine@example.com"], (await pair.A.ByEmailAsync()).Keys);
        var health = Assert.Single(await pair.Sync.HealthAsync(), h => h.RecordId == refused);
        Assert.Contains("Salesmate refused the contact: Owner must be an active user.", health.Reason, StringComparison.Ordinal);
        Assert.Equal(1, report.A.Created);
    }

    private static FieldValue Owner(string id) => Values.Require(FieldType.OwnerReference, id);
}
