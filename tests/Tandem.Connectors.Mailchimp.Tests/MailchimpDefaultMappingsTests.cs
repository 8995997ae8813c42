using System.Text.Json.Nodes;
using Tandem.Connectors.Mailchimp.Internal;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Formats.VCard;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>Mailchimp's schema declares roles, so default mappings pair it sensibly with Google Contacts, Pipedrive and vCard folders.</summary>
public sealed class MailchimpDefaultMappingsTests
{
    /// <summary>An audience's merge fields as <c>GET /lists/{id}/merge-fields</c> lists them: the defaults, CRM fields and a custom one.</summary>
    private static readonly AppSchema Mailchimp = AudienceSchema.From(new (string Tag, string Name, string Type)[]
    {
        ("FNAME", "First Name", "text"), ("LNAME", "Last Name", "text"), ("ADDRESS", "Address", "address"), ("PHONE", "Phone Number", "phone"),
        ("BIRTHDAY", "Birthday", "birthday"), ("MMERGE6", "Company", "text"), ("JOBTITLE", "Job title", "text"), ("NOTES", "Notes", "text"),
        ("WEBSITE", "Website", "url"), ("PLAN", "Plan", "dropdown"),
    }.Select(f => new JsonObject { ["tag"] = f.Tag, ["name"] = f.Name, ["type"] = f.Type })).ToAppSchema();

    public static TheoryData<string> OtherApps => ["google", "pipedrive", "vcard"];

    [Theory]
    [MemberData(nameof(OtherApps))]
    public void Email_name_phone_address_birthday_company_title_notes_and_tags_are_paired_by_role(string app)
    {
        var other = Other(app);

        var rows = DefaultMappings.For(Mailchimp, other).Select(m => (m.AField, m.BField)).ToList();

        var expected = new List<(string, string)>
        {
            (FieldMapping.NameKey, FieldMapping.NameKey),
            ("emails", "emails"),
            ("phones", "phones"),
            ("org", "org"),
            ("title", "title"),
            ("birthday", "birthday"),
            ("note", "note"),
        };
        if (app != "pipedrive")
        {
            // Pipedrive persons have no standard address or website field.
            expected.Insert(3, ("addresses", "addresses"));
            expected.Insert(4, ("urls", "urls"));
        }

        // Then the tags, offered but off: Mailchimp's tags are not an address book's categories.
        expected.Add((TagsField.Key, TagsField.Key));

        Assert.Equal(expected, rows);
        Assert.False(DefaultMappings.For(Mailchimp, other)[^1].Enabled);
        Assert.DoesNotContain(rows, r => r.AField.StartsWith("merge.", StringComparison.Ordinal) || r.AField == "status");
    }

    [Fact]
    public void A_list_on_the_other_side_maps_both_ways_through_its_primary_entry()
    {
        var verdict = Compatibility.Directions(new FieldMapping("phones", "phones"), Mailchimp, Other("google"));

        Assert.Equal(MappingDirection.Both, verdict.Direction);
        Assert.Equal("merge.PLAN", Mailchimp.Fields.Single(f => f.Label == "Plan").Key);
        Assert.Equal(FieldRole.Company, Mailchimp.Find("org")!.Role);
    }

    private static AppSchema Other(string app) => app switch
    {
        "google" => new AppSchema(Tandem.Connectors.GoogleContacts.Internal.GoogleSchema.Standard),
        "pipedrive" => new AppSchema(Tandem.Connectors.Pipedrive.Internal.PipedriveSchema.Standard),
        _ => VCardContacts.Schema,
    };
}
