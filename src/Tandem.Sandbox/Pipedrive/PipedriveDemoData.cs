using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>Deterministic demo persons with owners, organizations, labels and custom fields of every type.</summary>
internal static class PipedriveDemoData
{
    public static readonly (int Id, string Name)[] Users = [(1001, "Olivia Owner"), (1002, "Sam Sales"), (1003, "Max Manager")];

    public static readonly string[] Organizations = ["Acme Corp", "Globex", "Initech", "Umbrella BV", "Hooli"];

    private static readonly string[] Given = ["Ann", "Bob", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Lars", "Maya", "Noah"];

    private static readonly string[] Family = ["Lee", "Dubois", "Ivanov", "Jansen", "Haddad", "Okafor", "Tanaka", "García", "Müller", "Peeters"];

    public static IEnumerable<JsonObject> Generate(int count, int seed, PersonFieldCatalog fields, IReadOnlyList<int> orgIds)
    {
        var random = new Random(seed);
        var keys = PersonFieldCatalog.Custom.ToDictionary(c => c.Name, c => PersonFieldCatalog.HashKey(c.Name), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var given = Given[random.Next(Given.Length)];
            var family = Family[random.Next(Family.Length)];
            var slug = (given + "." + family).ToLowerInvariant();
            var custom = new JsonObject
            {
                [keys["Nickname"]] = random.Next(3) == 0 ? given[..2] : null,
                [keys["Score"]] = Math.Round(random.NextDouble() * 100, 1),
                [keys["Budget"]] = new JsonObject { ["value"] = random.Next(1, 500) * 100, ["currency"] = random.Next(2) == 0 ? "EUR" : "USD" },
                [keys["Contract start"]] = new DateOnly(2024, 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [keys["Segment"]] = Pick(random, fields.OptionIds(keys["Segment"])),
                [keys["Interests"]] = new JsonArray(fields.OptionIds(keys["Interests"]).Where(_ => random.Next(2) == 0).Select(id => (JsonNode)id).ToArray()),
                [keys["Account manager"]] = Users[random.Next(Users.Length)].Id,
            };
            if (random.Next(3) == 0)
            {
                custom[keys["Availability"]] = new JsonObject { ["value"] = "2026-07-01", ["until"] = "2026-07-15" };
                custom[keys["Billing address"]] = new JsonObject { ["value"] = "Rue de la Loi 16, 1000 Brussels, Belgium", ["route"] = "Rue de la Loi", ["street_number"] = "16", ["locality"] = "Brussels", ["postal_code"] = "1000", ["country"] = "Belgium" };
            }

            if (((JsonArray)custom[keys["Interests"]]!).Count == 0)
            {
                custom[keys["Interests"]] = null;
            }

            var person = new JsonObject
            {
                ["name"] = given + " " + family,
                ["first_name"] = given,
                ["last_name"] = family,
                ["owner_id"] = Users[random.Next(Users.Length)].Id,
                ["emails"] = new JsonArray(new JsonObject { ["value"] = $"{slug}.{i}@example.com", ["primary"] = true, ["label"] = "work" }),
                ["phones"] = new JsonArray(new JsonObject { ["value"] = "+32 470 " + (100000 + i).ToString(CultureInfo.InvariantCulture), ["primary"] = true, ["label"] = "mobile" }),
                ["label_ids"] = new JsonArray(fields.Labels.Where(_ => random.Next(4) == 0).Select(l => (JsonNode)l.Id).ToArray()),
                ["job_title"] = random.Next(2) == 0 ? "Buyer" : null,
                ["custom_fields"] = custom,
            };
            if (random.Next(3) > 0)
            {
                person["org_id"] = orgIds[random.Next(orgIds.Count)];
            }

            yield return person;
        }
    }

    /// <summary>
    /// The deals of the seeded person at <paramref name="index"/> (open, won, lost): a third have none, the others
    /// open deals, closed ones or both. Not drawn from the seeded random sequence, so adding deals changed no other seeded value.
    /// </summary>
    public static (int Open, int Won, int Lost) Deals(int index) => (index % 6) switch
    {
        2 => (1, 0, 0),
        3 => (2, 0, 1),
        4 => (0, 1, 0),
        5 => (0, 0, 1),
        _ => (0, 0, 0),
    };

    private static int Pick(Random random, IReadOnlyList<int> ids) => ids[random.Next(ids.Count)];
}
