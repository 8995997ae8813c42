using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Workbooks;

/// <summary>Deterministic demo people: names, a main email and phone, an employer, owners, lead sources and the custom fields.</summary>
internal static class WorkbooksDemoData
{
    private static readonly string[] FirstNames = ["Alice", "Bram", "Chloé", "Dirk", "Emma", "Floris", "Greta", "Hugo", "Iris", "Jonas", "Katrien", "Lars"];
    private static readonly string[] LastNames = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet"];
    /// <summary>The demo organisations people work for.</summary>
    public static readonly string[] Employers = ["Acme Ltd", "Brightwater plc", "Cobalt Systems", "Dunmore & Sons"];
    private static readonly string[] Titles = ["Sales Director", "Account Manager", "Buyer", "Office Manager", "CEO"];
    private static readonly string[] LeadSources = ["Advert", "Event", "Referral", "Web"];
    private static readonly string[] Segments = ["Enterprise", "Mid-market", "SMB"];

    /// <summary>The owners (users) people are assigned to.</summary>
    public static readonly int[] Owners = [1, 2, 3];

    public static IEnumerable<JsonObject> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var person = new JsonObject
            {
                ["person_first_name"] = first,
                ["person_last_name"] = last,
                ["person_job_title"] = Titles[random.Next(Titles.Length)],
                ["employer_name"] = Employers[random.Next(Employers.Length)],
                ["main_location[email]"] = string.Create(CultureInfo.InvariantCulture, $"{first.ToLowerInvariant()}.{last.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}{i}@example.com"),
                ["main_location[telephone]"] = string.Create(CultureInfo.InvariantCulture, $"+44 20 7946 {i % 10000:0000}"),
                ["main_location[town]"] = "London",
                ["main_location[country]"] = "United Kingdom",
                ["assigned_to"] = Owners[i % Owners.Length],
                ["lead_source_type"] = LeadSources[i % LeadSources.Length],
                ["no_email_soliciting"] = i % 7 == 0,
                ["watched"] = i % 5 == 0,
                ["cf_person_segment"] = Segments[i % Segments.Length],
                ["cf_person_tags"] = i % 4 == 0 ? "Customer" : string.Empty,
            };
            if (i % 3 == 0)
            {
                person["marketing_campaign_name"] = "Spring newsletter";
            }

            yield return person;
        }
    }
}
