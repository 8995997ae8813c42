using System.Globalization;
using Tandem.Connectors.Woodpecker;
using Tandem.Domain.Configuration;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// Woodpecker's statuses read as filters, end to end between Woodpecker (A) and Salesmate (B) over HTTP: bounced and
/// invalid prospects are kept out, and replied ones are tagged on the other side.
/// </summary>
public sealed class WoodpeckerStatusRuleTests
{
    [Fact]
    public async Task Bounced_and_invalid_prospects_stay_out_and_replied_ones_arrive_tagged()
    {
        await using var pair = await PairHarness.StartAsync(new WoodpeckerSide(), new SalesmateSide());
        var woodpecker = (WoodpeckerSide)pair.A;
        pair.Settings = new ConnectionSettings
        {
            RulesA =
            [
                new Rule { Id = "replied", Filters = [new Filter(FilterKind.FieldEquals, WoodpeckerFieldKeys.Status, "REPLIED")], Actions = [new RuleAction(ActionKind.AddTag, Value: "Replied")] },
                new Rule
                {
                    Id = "reachable",
                    Filters = [new Filter(FilterKind.FieldNotEquals, WoodpeckerFieldKeys.Status, "BOUNCED"), new Filter(FilterKind.FieldNotEquals, WoodpeckerFieldKeys.Status, "INVALID")],
                },
            ],
            RulesB = [],
        };
        var replied = await pair.A.AddAsync("Re", "Plied", "replied@example.com");
        var bounced = await pair.A.AddAsync("Bo", "Unced", "bounced@example.com");
        var invalid = await pair.A.AddAsync("In", "Valid", "invalid@example.com");
        await pair.A.AddAsync("Act", "Ive", "active@example.com");
        woodpecker.Later();
        woodpecker.Sandbox.SetStatus(int.Parse(replied, CultureInfo.InvariantCulture), "REPLIED");
        woodpecker.Sandbox.SetStatus(int.Parse(bounced, CultureInfo.InvariantCulture), "BOUNCED");
        woodpecker.Sandbox.SetStatus(int.Parse(invalid, CultureInfo.InvariantCulture), "INVALID");

        await pair.SyncAsync();

        var salesmate = await pair.B.ByEmailAsync();
        Assert.Equal(["active@example.com", "replied@example.com"], salesmate.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Replied", salesmate["replied@example.com"].Tags);
        Assert.DoesNotContain("Replied", salesmate["active@example.com"].Tags);
    }
}
