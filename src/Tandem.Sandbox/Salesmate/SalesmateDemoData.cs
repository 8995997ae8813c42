using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Salesmate;

/// <summary>The demo account: its users, companies and deterministic contacts (some tagged, some with custom values).</summary>
internal static class SalesmateDemoData
{
    public static readonly IReadOnlyList<SalesmateUser> Users =
    [
        new(1, "Sam", "Seller", "sam.seller@example.com"),
        new(2, "Olivia", "Owner", "olivia.owner@example.com"),
    ];

    public static readonly IReadOnlyList<string> Companies = ["Acme Corp", "Globex", "Initech", "Umbrella"];

    private static readonly string[] FirstNames = ["Ada", "Ben", "Chloé", "Dries", "Eva", "Femke", "Gert", "Hanne", "Ilse", "Jens"];
    private static readonly string[] LastNames = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens"];
    private static readonly string[] Tags = ["Customer", "Lead", "VIP", "Newsletter"];

    public static IEnumerable<JsonObject> Generate(int count, int seed, IReadOnlyList<int> companyIds)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var contact = new JsonObject
            {
                ["firstName"] = first,
                ["lastName"] = last,
                ["email"] = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{i}@example.com",
                ["mobile"] = "+32 470 " + (100000 + i).ToString(CultureInfo.InvariantCulture),
                ["owner"] = Users[i % Users.Count].Id,
                ["designation"] = i % 3 == 0 ? "Buyer" : null,
                ["company"] = i % 4 == 0 ? companyIds[i / 4 % companyIds.Count] : null,
                ["tags"] = i % 5 == 0 ? Tags[i / 5 % Tags.Length] : null,
                ["billingCity"] = i % 2 == 0 ? "Gent" : null,
                ["billingCountry"] = i % 2 == 0 ? "Belgium" : null,
            };
            if (i % 7 == 0)
            {
                contact["selectCustomField1"] = i % 2 == 0 ? "Enterprise" : "SMB";
            }

            yield return contact;
        }
    }
}
