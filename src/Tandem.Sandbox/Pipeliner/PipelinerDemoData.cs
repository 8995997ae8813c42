using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>Deterministic demo data: the space's users (Clients), sales units, and contacts with custom values and tags.</summary>
internal static class PipelinerDemoData
{
    public static readonly (string Id, string First, string Last)[] Clients =
    [
        (FieldIds.Of("client/olivia"), "Olivia", "Owner"), (FieldIds.Of("client/sam"), "Sam", "Sales"), (FieldIds.Of("client/max"), "Max", "Manager"),
    ];

    public static readonly (string Id, string Name)[] SalesUnits =
    [
        (FieldIds.Of("unit/hq"), "Headquarters"), (FieldIds.Of("unit/emea"), "EMEA"), (FieldIds.Of("unit/americas"), "Americas"),
    ];

    private static readonly string[] Given = ["Ann", "Bob", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Lars", "Maya", "Noah"];

    private static readonly string[] Family = ["Lee", "Dubois", "Ivanov", "Jansen", "Haddad", "Okafor", "Tanaka", "García", "Müller", "Peeters"];

    private static readonly string[] Tags = ["Customer", "Prospect", "Partner", "Trade fair 2026"];

    public static IEnumerable<JsonObject> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var given = Given[random.Next(Given.Length)];
            var family = Family[random.Next(Family.Length)];
            var slug = (given + "." + family).ToLowerInvariant().Replace("é", "e", StringComparison.Ordinal).Replace("í", "i", StringComparison.Ordinal).Replace("ü", "u", StringComparison.Ordinal);
            var contact = new JsonObject
            {
                ["first_name"] = given,
                ["last_name"] = family,
                ["owner_id"] = Clients[random.Next(Clients.Length)].Id,
                ["unit_id"] = SalesUnits[random.Next(SalesUnits.Length)].Id,
                ["email1"] = $"{slug}.{i}@example.com",
                ["phone1"] = "+32 470 " + (100000 + i).ToString(CultureInfo.InvariantCulture),
                ["position"] = random.Next(2) == 0 ? "Buyer" : string.Empty,
                ["tags"] = new JsonArray(Tags.Where(_ => random.Next(4) == 0).Select(t => (JsonNode)t).ToArray()),
                ["is_unsubscribed"] = random.Next(10) == 0,
                ["cf_industry"] = ContactFieldCatalog.OptionId("cf_industry", ContactFieldCatalog.Custom[3].Options[random.Next(3)]),
                ["cf_vip"] = random.Next(5) == 0,
                ["cf_budget"] = random.Next(1, 500) * 100,
            };
            if (random.Next(3) == 0)
            {
                contact["email2"] = $"{slug}.home.{i}@example.org";
                contact["cf_birthday"] = new DateOnly(1970 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                contact["city"] = "Brussels";
                contact["country"] = "Belgium";
            }

            yield return contact;
        }
    }
}
