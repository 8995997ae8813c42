using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// The person fields of the demo database: the standard columns the client library's people example reads and writes,
/// the common attributes every record has, and the custom fields an administrator added (one per data type the
/// connector maps), with the picklists their values come from.
/// </summary>
internal sealed class PersonFieldCatalog
{
    public const string ClassName = "Private::Crm::Person";

    public static readonly string[] LocationParts = ["email", "telephone", "mobile", "fax", "street_address", "town", "county_province_state", "postcode", "country"];

    private static readonly PersonField[] ReadOnlyColumns =
    [
        new("id", "integer", "ID") { IsCreateable = false, IsUpdateable = false },
        new("lock_version", "integer", "Lock version") { IsCreateable = false, IsUpdateable = false },
        new("created_at", "datetime", "Created") { IsCreateable = false, IsUpdateable = false },
        new("updated_at", "datetime", "Updated") { IsCreateable = false, IsUpdateable = false },
        new("created_by", "integer", "Created by") { IsCreateable = false, IsUpdateable = false },
        new("updated_by", "integer", "Updated by") { IsCreateable = false, IsUpdateable = false },
        new("is_deleted", "boolean", "Deleted") { IsCreateable = false, IsUpdateable = false },
        new("object_ref", "string", "Reference") { IsCreateable = false, IsUpdateable = false },
        new("name", "string", "Name") { IsCreateable = false, IsUpdateable = false },
        new("created_through", "string", "Created through") { IsCreateable = false, IsUpdateable = false },
    ];

    private readonly Lock adding = new();

    // Copied on write: listings read the fields while an administrator adds one.
    private volatile IReadOnlyList<PersonField> fields;

    public PersonFieldCatalog()
    {
        fields = [.. ReadOnlyColumns, .. Standard(), .. Custom()];
        Picklists = new Dictionary<int, (string Name, string[] Entries)>
        {
            [101] = ("Segment", ["Enterprise", "Mid-market", "SMB"]),
            [102] = ("Lead Source", ["Advert", "Event", "Referral", "Web"]),
        };
    }

    public IReadOnlyList<PersonField> Fields => fields;

    public IReadOnlyDictionary<int, (string Name, string[] Entries)> Picklists { get; }

    public PersonField? Find(string name) => fields.FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// Adds a custom field of people (<c>admin/custom_fields.api</c>) and returns its column, <c>cf_person_</c> and the
    /// title in lower case with underscores, numbered when taken (**unverified**: Workbooks names the column itself).
    /// </summary>
    public PersonField AddCustom(string title, string datatype)
    {
        lock (adding)
        {
            var stem = "cf_person_" + new string([.. title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]).Trim('_');
            var name = stem;
            for (var n = 2; Find(name) is not null; n++)
            {
                name = stem + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var field = new PersonField(name, datatype, title);
            fields = [.. fields, field];
            return field;
        }
    }

    /// <summary>The <c>metadata/types.api</c> entry for people, with the columns asked for (all when none).</summary>
    public JsonObject Describe(IReadOnlyCollection<string> columns)
    {
        var type = new JsonObject
        {
            ["class_name"] = ClassName,
            ["base_class_name"] = "Private::Crm::Party",
            ["controller_path"] = "crm/people",
            ["human_class_name"] = "Person",
            ["human_class_name_plural"] = "People",
            ["instances_described_by"] = "name",
            ["fields"] = new JsonArray(fields.Select(f => (JsonNode)Describe(f)).ToArray()),
        };
        if (columns.Count == 0)
        {
            return type;
        }

        var selected = new JsonObject();
        foreach (var (key, value) in type)
        {
            if (columns.Contains(key) || key == "class_name")
            {
                selected[key] = value?.DeepClone();
            }
        }

        return selected;
    }

    private JsonObject Describe(PersonField field)
    {
        var json = new JsonObject
        {
            ["name"] = field.Name,
            ["datatype"] = field.Datatype,
            ["title"] = field.Title,
            ["is_createable"] = field.IsCreateable,
            ["is_updateable"] = field.IsUpdateable,
            ["is_filterable"] = true,
            ["is_nullable"] = field.Name != "id",
            ["required"] = false,
            ["default_value"] = null,
        };
        if (field.PicklistId is { } id)
        {
            json["picklist"] = new JsonObject
            {
                ["auto_create"] = false,
                ["class_name"] = "Private::PicklistEntry",
                ["display_field"] = "value",
                ["value_field"] = "value",
                ["name"] = Picklists[id].Name,
                ["picklist_id"] = id,
                ["path"] = "picklist_entries.api",
                ["unrestricted"] = false,
            };
        }

        return json;
    }

    private static IEnumerable<PersonField> Standard()
    {
        yield return new("person_first_name", "string", "First name");
        yield return new("person_middle_name", "string", "Middle name");
        yield return new("person_last_name", "string", "Last name");
        yield return new("person_personal_title", "string", "Title");
        yield return new("person_job_title", "string", "Job title");
        yield return new("person_job_role", "string", "Job role");
        yield return new("employer_name", "string", "Employer");
        yield return new("employer_link", "integer", "Employer (organisation)");
        foreach (var location in new[] { ("main_location", "Main"), ("home_location", "Home") })
        {
            foreach (var part in LocationParts)
            {
                yield return new($"{location.Item1}[{part}]", part == "email" ? "email" : "string", $"{location.Item2} {part.Replace('_', ' ')}");
            }
        }

        yield return new("website", "uri", "Website");
        yield return new("no_email_soliciting", "boolean", "No email soliciting");
        yield return new("no_phone_soliciting", "boolean", "No phone soliciting");
        yield return new("no_post_soliciting", "boolean", "No post soliciting");
        yield return new("assigned_to", "integer", "Owner");
        yield return new("lead_source_type", "picklist_data", "Lead source") { PicklistId = 102 };
        yield return new("marketing_campaign_name", "string", "Marketing campaign");
        yield return new("watched", "boolean", "Watched");
        yield return new("created_through_reference", "string", "Created through reference");
    }

    private static IEnumerable<PersonField> Custom()
    {
        yield return new("cf_person_nickname", "string", "Nickname");
        yield return new("cf_person_birthday", "string", "Birthday");
        yield return new("cf_person_notes", "text", "Notes");
        yield return new("cf_person_tags", "tag_array", "Tags");
        yield return new("cf_person_segment", "picklist_data", "Segment") { PicklistId = 101 };
        yield return new("cf_person_score", "decimal", "Score");
        yield return new("cf_person_newsletter", "boolean", "Newsletter");
        yield return new("cf_person_contract_start", "date", "Contract start");
        yield return new("cf_person_budget", "currency", "Budget");
    }
}
