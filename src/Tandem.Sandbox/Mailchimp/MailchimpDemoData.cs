using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// The sandbox account's two audiences: "Tandem Newsletter" with the default merge fields, the contact fields a CRM
/// sync adds (COMPANY, TITLE, NOTES) and one custom field of every other type; and "Event attendees" with the defaults
/// only. Members are deterministic for a seed, with tags and every status; several share each <c>last_changed</c> second.
/// </summary>
internal static class MailchimpDemoData
{
    public const string NewsletterId = "a1b2c3d4e5";
    public const string EventsId = "f6e5d4c3b2";

    private static readonly string[] FirstNames = ["Ada", "Ben", "Chloé", "Dries", "Emma", "Farid", "Greta", "Hugo", "Ines", "Jan", "Katrien", "Luca", "Mila", "Noah", "Olga", "Pieter", "Quinn", "Rosa", "Sven", "Tess"];
    private static readonly string[] LastNames = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert", "Martin", "Leroy", "Smith"];
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"];
    private static readonly string[] Titles = ["Buyer", "CEO", "Office manager", "Developer", "Marketing lead"];
    private static readonly string[] Tags = ["Customer", "Lead", "VIP", "Webinar 2026", "Newsletter"];

    public static void Seed(AudienceStore store, MailchimpSandboxOptions options, DateTimeOffset start)
    {
        var newsletter = store.AddAudience(NewsletterId, "Tandem Newsletter");
        AddDefaultFields(newsletter);
        newsletter.MergeFields.AddRange(
        [
            new StoredMergeField(6, "COMPANY", "Company", "text") { DisplayOrder = 7 },
            new StoredMergeField(7, "TITLE", "Job title", "text") { DisplayOrder = 8 },
            new StoredMergeField(8, "NOTES", "Notes", "text") { DisplayOrder = 9, Public = false },
            new StoredMergeField(9, "SCORE", "Score", "number") { DisplayOrder = 10, Public = false },
            new StoredMergeField(10, "PLAN", "Plan", "dropdown") { DisplayOrder = 11, Choices = ["Free", "Pro", "Enterprise"] },
            new StoredMergeField(11, "HEARD", "Heard about us", "radio") { DisplayOrder = 12, Choices = ["Website", "Event", "Referral"] },
            new StoredMergeField(12, "WEBSITE", "Website", "url") { DisplayOrder = 13 },
            new StoredMergeField(13, "AVATAR", "Avatar", "imageurl") { DisplayOrder = 14 },
            new StoredMergeField(14, "ZIPCODE", "US zip code", "zip") { DisplayOrder = 15 },
            new StoredMergeField(15, "RENEWAL", "Renewal date", "date") { DisplayOrder = 16, DateFormat = "MM/DD/YYYY" },
        ]);
        AddGroups(store, newsletter);
        var events = store.AddAudience(EventsId, "Event attendees");
        AddDefaultFields(events);

        var random = new Random(options.Seed);
        Fill(store, newsletter, options.SeedMembers, random, start, rich: true);
        Fill(store, events, Math.Max(1, options.SeedMembers / 5), random, start, rich: false);

        // Groups get their own random source, so adding them left every other seeded value as it was.
        var groups = new Random(options.Seed + 1);
        foreach (var member in newsletter.Members.Values.OrderBy(m => m.Sequence))
        {
            JoinGroups(newsletter, member, groups);
        }
    }

    /// <summary>The newsletter's groups: topics (checkboxes), a region (radio) and an admin-only category (hidden).</summary>
    private static void AddGroups(AudienceStore store, StoredAudience audience)
    {
        (string Title, string Type, string[] Names)[] categories =
        [
            ("Topics", "checkboxes", ["Product news", "Events", "Webinars"]),
            ("Region", "radio", ["Europe", "Americas", "Asia-Pacific"]),
            ("Internal", "hidden", ["Partner", "Beta tester"]),
        ];
        foreach (var (title, type, names) in categories)
        {
            var category = new StoredInterestCategory { Id = store.NewGroupId(), Title = title, Type = type, DisplayOrder = audience.InterestCategories.Count };
            category.Interests.AddRange(names.Select((name, i) => new StoredInterest { Id = store.NewGroupId(), Name = name, DisplayOrder = i }));
            audience.InterestCategories.Add(category);
        }
    }

    private static void JoinGroups(StoredAudience audience, StoredMember member, Random random)
    {
        var topics = audience.InterestCategories[0].Interests;
        member.Interests.UnionWith(topics.Where(_ => random.Next(3) == 0).Select(i => i.Id));
        var regions = audience.InterestCategories[1].Interests;
        if (random.Next(10) < 7)
        {
            member.Interests.Add(regions[random.Next(regions.Count)].Id);
        }

        if (random.Next(10) == 0)
        {
            member.Interests.Add(audience.InterestCategories[2].Interests[0].Id);
        }
    }

    private static void AddDefaultFields(StoredAudience audience) => audience.MergeFields.AddRange(
    [
        new StoredMergeField(1, "FNAME", "First Name", "text") { DisplayOrder = 2 },
        new StoredMergeField(2, "LNAME", "Last Name", "text") { DisplayOrder = 3 },
        new StoredMergeField(3, "ADDRESS", "Address", "address") { DisplayOrder = 4 },
        new StoredMergeField(4, "PHONE", "Phone Number", "phone") { DisplayOrder = 5, PhoneFormat = "International" },
        new StoredMergeField(5, "BIRTHDAY", "Birthday", "birthday") { DisplayOrder = 6, DateFormat = "MM/DD" },
    ]);

    private static void Fill(AudienceStore store, StoredAudience audience, int count, Random random, DateTimeOffset start, bool rich)
    {
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var email = string.Create(CultureInfo.InvariantCulture, $"{Ascii(first)}.{Ascii(last)}.{i}@{(rich ? "example.com" : "example.org")}");

            // Several members share each second, as after an import: ties on last_changed are normal.
            var at = start.AddSeconds(i / 3);
            var roll = random.Next(100);
            var status = roll switch { < 84 => "subscribed", < 90 => "unsubscribed", < 93 => "cleaned", < 95 => "pending", < 97 => "transactional", _ => "archived" };
            var member = store.NewMember(email, status, "admin", at);
            member.Merges["FNAME"] = first;
            member.Merges["LNAME"] = last;
            if (status == "unsubscribed")
            {
                member.UnsubscribeReason = "N/A (Unsubscribed by the contact)";
            }

            if (random.Next(3) == 0)
            {
                member.Merges["PHONE"] = string.Create(CultureInfo.InvariantCulture, $"+32 470 {random.Next(100, 999)} {random.Next(100, 999)}");
            }

            if (random.Next(4) == 0)
            {
                member.Merges["BIRTHDAY"] = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 13):D2}/{random.Next(1, 29):D2}");
            }

            if (random.Next(5) == 0)
            {
                member.Merges["ADDRESS"] = new JsonObject { ["addr1"] = $"{random.Next(1, 200)} Main Street", ["addr2"] = string.Empty, ["city"] = "Springfield", ["state"] = "IL", ["zip"] = "62701", ["country"] = "US" };
            }

            if (rich)
            {
                member.Merges["COMPANY"] = Companies[random.Next(Companies.Length)];
                member.Merges["TITLE"] = Titles[random.Next(Titles.Length)];
                member.Merges["PLAN"] = new[] { "Free", "Pro", "Enterprise" }[random.Next(3)];
                if (random.Next(2) == 0)
                {
                    member.Merges["SCORE"] = JsonValue.Create(random.Next(0, 100));
                }
            }

            foreach (var tag in Tags.Where(_ => random.Next(4) == 0))
            {
                member.TagIds.Add(store.TagId(audience, tag));
            }

            audience.Members[AudienceStore.Hash(email)] = member;
        }
    }

    private static string Ascii(string name) => new(name.ToLowerInvariant().Replace('é', 'e').Where(char.IsAsciiLetter).ToArray());
}
