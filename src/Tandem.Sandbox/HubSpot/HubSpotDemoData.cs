using System.Globalization;

namespace Tandem.Sandbox.HubSpot;

/// <summary>The demo portal: its users (owners), subscription types, properties and contacts, the same for a given seed.</summary>
internal static class HubSpotDemoData
{
    public static readonly IReadOnlyList<(string Id, string FirstName, string LastName, string Email)> Owners =
    [
        ("71000001", "Hana", "Spot", "hana.spot@example.com"),
        ("71000002", "Olu", "Adeyemi", "olu.adeyemi@example.com"),
        ("71000003", "Marta", "Kowalska", "marta.kowalska@example.com"),
    ];

    /// <summary>The portal's email subscription types (Communication Preferences <c>definitions</c>).</summary>
    public static readonly IReadOnlyList<(string Id, string Name, string Purpose)> Subscriptions =
    [
        ("9001", "Marketing Information", "Marketing"),
        ("9002", "Newsletter", "Marketing"),
        ("9003", "One to One", "Sales"),
    ];

    private static readonly string[] FirstNames = ["Ada", "Bram", "Chloé", "Dries", "Elif", "Femke", "Gustav", "Hélène", "Ines", "Jonas", "Kasia", "Lars", "Mona", "Noah", "Olga", "Pieter"];
    private static readonly string[] LastNames = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet"];
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"];
    private static readonly string[] Stages = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer"];

    public static IEnumerable<StoredProperty> StandardProperties(DateTimeOffset at)
    {
        StoredProperty Text(string name, string label, string group = "contactinformation", string fieldType = "text") =>
            new(name, label, "string", fieldType, group) { HubspotDefined = true, CreatedAt = at };
        StoredProperty ReadOnly(string name, string label, string type, string fieldType) =>
            new(name, label, type, fieldType, "contactinformation") { HubspotDefined = true, ReadOnlyValue = true, CreatedAt = at };

        yield return Text("email", "Email");
        yield return Text("firstname", "First Name");
        yield return Text("lastname", "Last Name");
        yield return Text("phone", "Phone Number", fieldType: "phonenumber");
        yield return Text("mobilephone", "Mobile Phone Number", fieldType: "phonenumber");
        yield return Text("company", "Company Name");
        yield return Text("jobtitle", "Job Title");
        yield return Text("address", "Street Address");
        yield return Text("city", "City");
        yield return Text("state", "State/Region");
        yield return Text("zip", "Postal Code");
        yield return Text("country", "Country/Region");
        yield return Text("website", "Website URL");
        yield return Text("message", "Message", fieldType: "textarea");
        yield return Text("date_of_birth", "Date of birth");
        yield return Text("hs_additional_emails", "Additional email addresses");
        yield return new StoredProperty("lifecyclestage", "Lifecycle Stage", "enumeration", "radio", "contactinformation")
        {
            HubspotDefined = true,
            CreatedAt = at,
            Options = [("Subscriber", "subscriber"), ("Lead", "lead"), ("Marketing Qualified Lead", "marketingqualifiedlead"), ("Sales Qualified Lead", "salesqualifiedlead"), ("Opportunity", "opportunity"), ("Customer", "customer"), ("Evangelist", "evangelist"), ("Other", "other")],
        };
        yield return new StoredProperty("hubspot_owner_id", "Contact owner", "enumeration", "select", "sales_properties")
        {
            HubspotDefined = true,
            CreatedAt = at,
            ReferencedObjectType = "OWNER",
        };
        yield return new StoredProperty("hs_email_optout", "Unsubscribed from all email", "bool", "booleancheckbox", "emailinformation")
        {
            HubspotDefined = true,
            ReadOnlyValue = true,
            CreatedAt = at,
            Options = [("True", "true"), ("False", "false")],
        };
        yield return ReadOnly("createdate", "Create Date", "datetime", "date");
        yield return ReadOnly("lastmodifieddate", "Last Modified Date", "datetime", "date");
        yield return ReadOnly("hs_object_id", "Record ID", "number", "number");
        yield return ReadOnly("hs_merged_object_ids", "Merged Contact IDs", "enumeration", "checkbox");
    }

    /// <summary>Custom properties an admin made, one of each type a sync meets.</summary>
    public static IEnumerable<StoredProperty> CustomProperties(DateTimeOffset at)
    {
        yield return new("nickname", "Nickname", "string", "text", "contactinformation") { CreatedAt = at };
        yield return new("score", "Score", "number", "number", "contactinformation") { CreatedAt = at };
        yield return new("contract_start", "Contract start", "date", "date", "contactinformation") { CreatedAt = at };
        yield return new("last_meeting", "Last meeting", "datetime", "date", "contactinformation") { CreatedAt = at };
        yield return new("is_partner", "Partner", "bool", "booleancheckbox", "contactinformation") { CreatedAt = at, Options = [("Yes", "true"), ("No", "false")] };
        yield return new("segment", "Segment", "enumeration", "select", "contactinformation") { CreatedAt = at, Options = [("Enterprise", "enterprise"), ("Mid-market", "mid_market"), ("SMB", "smb")] };
        yield return new("interests", "Interests", "enumeration", "checkbox", "contactinformation") { CreatedAt = at, Options = [("Events", "events"), ("Newsletter", "newsletter"), ("Webinars", "webinars")] };
    }

    /// <summary>Demo contacts' properties; every contact has an email (HubSpot's unique key), some a phone or an owner.</summary>
    public static IEnumerable<Dictionary<string, string>> Contacts(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["firstname"] = first,
                ["lastname"] = last,
                ["email"] = string.Create(CultureInfo.InvariantCulture, $"{Slug(first)}.{Slug(last)}.{i}@example.com"),
                ["company"] = Companies[random.Next(Companies.Length)],
                ["lifecyclestage"] = Stages[random.Next(Stages.Length)],
            };
            if (i % 3 == 0)
            {
                properties["phone"] = string.Create(CultureInfo.InvariantCulture, $"+3225{random.Next(100000, 999999)}");
            }

            if (i % 4 == 0)
            {
                properties["hubspot_owner_id"] = Owners[i % Owners.Count].Id;
            }

            if (i % 5 == 0)
            {
                properties["segment"] = "smb";
            }

            yield return properties;
        }
    }

    private static string Slug(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();
}
