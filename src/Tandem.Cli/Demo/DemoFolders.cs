using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tandem.Cli.Demo;

/// <summary>
/// Lays out the demo: two vCard folders that overlap (a "crm" written as vCard 4.0 and a "phone" address
/// book written as vCard 3.0 with other phone formats and titles) and a set-up file joining them two-way.
/// Existing folders are left as they are, so a second <c>tandem demo</c> goes on where the first stopped.
/// </summary>
internal static class DemoFolders
{
    private static readonly (string First, string Last, string Company, string Title)[] People =
    [
        ("Ada", "Lovelace", "Analytical Engines", "Founder"), ("Grace", "Hopper", "Navy Labs", "Rear Admiral"),
        ("Alan", "Turing", "Bletchley Park", "Cryptanalyst"), ("Katherine", "Johnson", "NASA", "Mathematician"),
        ("Edsger", "Dijkstra", "TU Eindhoven", "Professor"), ("Barbara", "Liskov", "MIT", "Professor"),
        ("Donald", "Knuth", "Stanford", "Author"), ("Margaret", "Hamilton", "Draper Lab", "Director"),
        ("Tim", "Berners-Lee", "CERN", "Engineer"), ("Radia", "Perlman", "DEC", "Engineer"),
        ("Ken", "Thompson", "Bell Labs", "Researcher"), ("Frances", "Allen", "IBM", "Fellow"),
        ("John", "Backus", "IBM", "Researcher"), ("Hedy", "Lamarr", "MGM", "Inventor"),
    ];

    public static string Prepare(string root)
    {
        var crm = Path.Combine(root, "crm");
        var phone = Path.Combine(root, "phone");
        if (!Directory.Exists(crm))
        {
            Directory.CreateDirectory(crm);
            for (var i = 0; i < 10; i++)
            {
                File.WriteAllText(Path.Combine(crm, $"crm-{i + 1}.vcf"), Card("4.0", i, People[i].Title, $"+32 2 555 {10 + i:00} {20 + i:00}"));
            }
        }

        if (!Directory.Exists(phone))
        {
            Directory.CreateDirectory(phone);

            // Four people are in both books, with other formats and one other title; four only here.
            for (var i = 6; i < People.Length; i++)
            {
                var title = i == 7 ? "Lead Engineer" : People[i].Title;
                File.WriteAllText(Path.Combine(phone, $"phone-{i + 1}.vcf"), Card("3.0", i, title, $"02 555{10 + i:00}{20 + i:00}"));
            }
        }

        var setup = Path.Combine(root, "setup.json");
        File.WriteAllText(setup, SetupJson(crm, phone));
        return setup;
    }

    private static string Card(string version, int i, string title, string phone)
    {
        var (first, last, company, _) = People[i];
        var email = $"{first}.{last}@example.com".ToLowerInvariant();
        var typeWork = version == "4.0" ? "TYPE=work" : "TYPE=WORK";
        var text = new StringBuilder()
            .Append("BEGIN:VCARD\r\nVERSION:").Append(version).Append("\r\n")
            .Append(CultureInfo.InvariantCulture, $"UID:demo-{version}-{i + 1}\r\n")
            .Append(CultureInfo.InvariantCulture, $"FN:{first} {last}\r\nN:{last};{first};;;\r\n")
            .Append(CultureInfo.InvariantCulture, $"EMAIL;{typeWork}:{email}\r\nTEL;{typeWork}:{phone}\r\n")
            .Append(CultureInfo.InvariantCulture, $"ORG:{company}\r\nTITLE:{title}\r\nEND:VCARD\r\n");
        return text.ToString();
    }

    private static string SetupJson(string crm, string phone)
    {
        var setup = new
        {
            accounts = new object[]
            {
                new { name = "demo-crm", app = "vcard-folder", settings = new { path = crm, defaultRegion = "BE" } },
                new { name = "demo-phone", app = "vcard-folder", settings = new { path = phone, defaultRegion = "BE" } },
            },
            connections = new object[]
            {
                new
                {
                    name = "crm-phone",
                    accountA = "demo-crm",
                    accountB = "demo-phone",
                    settings = new { direction = "TwoWay", winningSide = "A", options = new { avoidDuplicates = true, syncDeletions = true } },
                },
            },
        };
        return JsonSerializer.Serialize(setup, new JsonSerializerOptions { WriteIndented = true });
    }
}
