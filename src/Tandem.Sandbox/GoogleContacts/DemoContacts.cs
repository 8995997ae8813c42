using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// Deterministic demo people for the sandbox: names, one to three emails, phones written the many ways
/// people type them, addresses, birthdays (some without a year), organisations, groups and userDefined fields.
/// The same seed always gives the same people.
/// </summary>
internal static class DemoContacts
{
    public static readonly string[] GroupNames = ["Customers", "Suppliers", "Press", "VIP"];

    private static readonly string[] Given = ["Ann", "Bob", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Lars", "Maya", "Noah", "Olga", "Pieter", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vik", "Wen", "Yara", "Zoë"];

    private static readonly string[] Family = ["Lee", "Ray", "Dubois", "Ivanov", "Jansen", "Haddad", "Okafor", "Tanaka", "García", "Müller", "Smith", "Peeters", "Novak", "O'Brien", "Rossi", "Kowalski", "Nguyen", "Andersson", "Costa", "Van den Berg"];

    private static readonly string[] Companies = ["Acme Corp", "Globex", "Initech", "Umbrella BV", "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Import/Export"];

    private static readonly string[] Titles = ["CEO", "CFO", "Sales Manager", "Engineer", "Buyer", "Office Manager", "Consultant"];

    private static readonly (string Street, string City, string Region, string Postal, string Country, string Code)[] Places =
    [
        ("Rue de la Loi 16", "Brussels", "", "1000", "Belgium", "BE"),
        ("221B Baker Street", "London", "", "NW1 6XE", "United Kingdom", "GB"),
        ("1600 Amphitheatre Pkwy", "Mountain View", "CA", "94043", "United States", "US"),
        ("Keizersgracht 123", "Amsterdam", "NH", "1015 CJ", "Netherlands", "NL"),
        ("Unter den Linden 77", "Berlin", "", "10117", "Germany", "DE"),
    ];

    public static IEnumerable<JsonObject> Generate(int count, int seed, Func<string, string> groupResourceName)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var given = Given[random.Next(Given.Length)];
            var family = Family[random.Next(Family.Length)];
            var slug = (given + "." + family).ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal).Replace(' ', '-');
            var person = new JsonObject
            {
                ["names"] = new JsonArray(new JsonObject { ["givenName"] = given, ["familyName"] = family }),
                ["emailAddresses"] = Emails(random, slug, i),
                ["phoneNumbers"] = new JsonArray(new JsonObject { ["value"] = Phone(random, i), ["type"] = random.Next(2) == 0 ? "mobile" : "work" }),
            };

            if (random.Next(3) > 0)
            {
                person["organizations"] = new JsonArray(new JsonObject { ["name"] = Companies[random.Next(Companies.Length)], ["title"] = Titles[random.Next(Titles.Length)] });
            }

            if (random.Next(2) == 0)
            {
                var place = Places[random.Next(Places.Length)];
                person["addresses"] = new JsonArray(new JsonObject
                {
                    ["streetAddress"] = place.Street, ["city"] = place.City, ["region"] = place.Region, ["postalCode"] = place.Postal,
                    ["country"] = place.Country, ["countryCode"] = place.Code, ["type"] = "work",
                });
            }

            if (random.Next(3) == 0)
            {
                var date = new JsonObject { ["month"] = random.Next(1, 13), ["day"] = random.Next(1, 29) };
                if (random.Next(3) > 0)
                {
                    date["year"] = random.Next(1950, 2004);
                }

                person["birthdays"] = new JsonArray(new JsonObject { ["date"] = date });
            }

            if (random.Next(4) == 0)
            {
                person["biographies"] = new JsonArray(new JsonObject { ["value"] = "Met at the trade fair.\nPrefers email.", ["contentType"] = "TEXT_PLAIN" });
            }

            if (random.Next(3) == 0)
            {
                person["userDefined"] = new JsonArray(
                    new JsonObject { ["key"] = "Customer ID", ["value"] = "CUST-" + (1000 + i).ToString(CultureInfo.InvariantCulture) },
                    new JsonObject { ["key"] = "Segment", ["value"] = random.Next(2) == 0 ? "SMB" : "Enterprise" });
            }

            var memberships = new JsonArray(Membership("contactGroups/myContacts"));
            if (random.Next(3) == 0)
            {
                memberships.Add(Membership(groupResourceName(GroupNames[random.Next(GroupNames.Length)])));
            }

            if (random.Next(10) == 0)
            {
                memberships.Add(Membership("contactGroups/starred"));
            }

            person["memberships"] = memberships;
            yield return person;
        }
    }

    private static JsonArray Emails(Random random, string slug, int i)
    {
        var number = i.ToString(CultureInfo.InvariantCulture);
        var emails = new JsonArray(new JsonObject { ["value"] = slug + number + "@example.com", ["type"] = "work" });
        if (random.Next(3) == 0)
        {
            emails.Add(new JsonObject { ["value"] = slug.Replace('.', '_') + number + "@mail.example.org", ["type"] = "home" });
        }

        return emails;
    }

    private static string Phone(Random random, int i)
    {
        var n = random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var line = (i % 100).ToString("00", CultureInfo.InvariantCulture);
        return random.Next(4) switch
        {
            0 => "+32 470 " + line + " " + n[..2] + " " + n[2..],
            1 => "+1 (555) 01" + line + "-" + n,
            2 => "+44 20 7946 " + n,
            _ => "+31 6 " + line + n,
        };
    }

    private static JsonObject Membership(string group) =>
        new() { ["contactGroupMembership"] = new JsonObject { ["contactGroupResourceName"] = group } };
}
