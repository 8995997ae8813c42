using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>Deterministic demo prospects: names, companies, tags in Woodpecker's <c>#TAG</c> form, a few snippets, some blacklisted.</summary>
internal static class WoodpeckerDemoData
{
    private static readonly string[] FirstNames = ["Erlich", "Jared", "Monica", "Dinesh", "Bertram", "Laurie", "Gavin", "Russ", "Jian", "Carla"];
    private static readonly string[] LastNames = ["Bachman", "Dunn", "Hall", "Chugtai", "Gilfoyle", "Bream", "Belson", "Hanneman", "Yang", "Walton"];
    private static readonly string[] Companies = ["Bachmanity", "Pied Piper", "Raviga", "Hooli", "Endframe", "Aviato"];
    private static readonly string[] Industries = ["Software as a Service", "Venture Capital", "Hardware"];
    private static readonly string[] Tags = ["#VC", "#PR", "#SECONDARYEMAIL", "#ENGINEER"];

    public static IEnumerable<JsonObject> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var company = Companies[random.Next(Companies.Length)];
            var prospect = new JsonObject
            {
                ["email"] = string.Create(CultureInfo.InvariantCulture, $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{i}@example.com"),
                ["first_name"] = first,
                ["last_name"] = last,
                ["company"] = company,
                ["industry"] = Industries[random.Next(Industries.Length)],
                ["website"] = "https://www." + company.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant() + ".example.com/",
                ["title"] = i % 3 == 0 ? "VC Angel" : "Engineer",
                ["phone"] = i % 4 == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"+1 650 555 {1000 + i:0000}"),
                ["city"] = "Palo Alto",
                ["state"] = "California",
                ["country"] = "USA",
                ["tags"] = i % 5 == 0 ? string.Empty : Tags[random.Next(Tags.Length)],
                ["snippet1"] = i % 2 == 0 ? "Board member" : string.Empty,
            };

            // A few prospects opted out long ago: the sandbox starts with some blacklisted.
            if (i % 25 == 7)
            {
                prospect["status"] = ProspectFields.Blacklist;
            }

            yield return prospect;
        }
    }
}
