using System.Text.Json.Nodes;
using Tandem.Connectors.GoogleContacts.Internal;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.GoogleContacts.Tests.Internal;

/// <summary>Google keeps no order in a person's lists, only one item marked metadata.primary.</summary>
public sealed class PrimaryEntryTests
{
    [Fact]
    public void The_item_google_marks_primary_is_read_first_wherever_it_stands()
    {
        var person = JsonNode.Parse("""
            {
              "resourceName": "people/c1", "etag": "e1",
              "emailAddresses": [
                { "value": "ann@home.example", "type": "home", "metadata": { "primary": false } },
                { "value": "ann@other.example", "type": "other" },
                { "value": "ann@work.example", "type": "work", "metadata": { "primary": true, "sourcePrimary": true } }
              ]
            }
            """)!.AsObject();

        var record = new PersonReader(null, new PhotoDownloads(new HttpClient())).Read(person, GroupDirectory.Empty);

        Assert.Equal(["ann@work.example", "ann@home.example", "ann@other.example"], ((ListValue)record.Get("emails")!).Items.Select(i => i.Value.Text));
    }

    [Fact]
    public void A_written_list_keeps_its_first_email_first_and_marks_it_the_source_primary()
    {
        var fields = new JsonObject();
        var emails = new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email("zed@work.example")), new LabelledValue("home", Values.Email("abe@home.example"))]);

        PersonWriter.Apply(fields, [new Domain.Mapping.FieldChange("emails", emails)], [], [], GroupDirectory.Empty);

        var written = fields["emailAddresses"]!.AsArray();
        Assert.Equal(["zed@work.example", "abe@home.example"], written.Select(i => (string?)i!["value"]));
        Assert.True((bool?)written[0]!["metadata"]?["sourcePrimary"]);
        Assert.Null(written[1]!["metadata"]);
    }
}
