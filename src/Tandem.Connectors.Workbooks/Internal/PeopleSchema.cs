using System.Text.Json.Nodes;
using Tandem.Connectors.Http;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// The person fields of one database, from <c>metadata/types.api</c> (<c>class_names[]=Private::Crm::Person</c>,
/// <c>_select_columns[]=fields</c>) and the entries of their picklists: the standard columns under Tandem's keys, the
/// custom fields titled Birthday and Notes as the birthday and notes, the first <c>tag_array</c> custom field as the
/// tags, and every other custom field (<c>cf_…</c>) by its data type. Columns the database lacks are left out.
/// </summary>
internal sealed class PeopleSchema
{
    public const string PersonClass = "Private::Crm::Person";

    private static readonly string[] AddressParts = ["street_address", "town", "county_province_state", "postcode", "country"];

    private static readonly (string Key, string Label, FieldType Type, FieldRole Role, string[] Columns)[] Standard =
    [
        (StandardFieldKeys.FirstName, "First name", FieldType.Text, FieldRole.FirstName, ["person_first_name"]),
        (StandardFieldKeys.LastName, "Last name", FieldType.Text, FieldRole.LastName, ["person_last_name"]),
        (StandardFieldKeys.Emails, "Email", FieldType.Email, FieldRole.Emails, ["main_location[email]"]),
        (StandardFieldKeys.Phones, "Telephone", FieldType.Phone, FieldRole.Phones, ["main_location[telephone]"]),
        (StandardFieldKeys.Addresses, "Address", FieldType.Address, FieldRole.Addresses, [.. AddressParts.Select(p => $"main_location[{p}]")]),
        (StandardFieldKeys.Urls, "Website", FieldType.Url, FieldRole.Urls, ["website"]),
        (StandardFieldKeys.Org, "Employer", FieldType.Text, FieldRole.Company, ["employer_name"]),
        (StandardFieldKeys.Title, "Job title", FieldType.Text, FieldRole.JobTitle, ["person_job_title"]),
        ("person_middle_name", "Middle name", FieldType.Text, FieldRole.None, ["person_middle_name"]),
        ("person_personal_title", "Personal title", FieldType.Text, FieldRole.None, ["person_personal_title"]),
        ("person_job_role", "Job role", FieldType.Text, FieldRole.None, ["person_job_role"]),
        ("main_location[mobile]", "Mobile", FieldType.Phone, FieldRole.None, ["main_location[mobile]"]),
        ("main_location[fax]", "Fax", FieldType.Phone, FieldRole.None, ["main_location[fax]"]),
        ("home_location[email]", "Home email", FieldType.Email, FieldRole.None, ["home_location[email]"]),
        ("home_location[telephone]", "Home telephone", FieldType.Phone, FieldRole.None, ["home_location[telephone]"]),
        (WorkbooksFieldKeys.HomeAddress, "Home address", FieldType.Address, FieldRole.None, [.. AddressParts.Select(p => $"home_location[{p}]")]),
        (WorkbooksFieldKeys.NoEmailSoliciting, "No email soliciting (opted out of emails)", FieldType.Boolean, FieldRole.None, ["no_email_soliciting"]),
        ("no_phone_soliciting", "No phone soliciting", FieldType.Boolean, FieldRole.None, ["no_phone_soliciting"]),
        ("no_post_soliciting", "No post soliciting", FieldType.Boolean, FieldRole.None, ["no_post_soliciting"]),
        (WorkbooksFieldKeys.Owner, "Owner", FieldType.OwnerReference, FieldRole.None, ["assigned_to"]),
        (WorkbooksFieldKeys.LeadSource, "Lead source", FieldType.SingleChoice, FieldRole.None, ["lead_source_type"]),
        (WorkbooksFieldKeys.MarketingCampaign, "Marketing campaign", FieldType.Text, FieldRole.None, ["marketing_campaign_name"]),
        (WorkbooksFieldKeys.Watched, "Watched", FieldType.Boolean, FieldRole.None, ["watched"]),
    ];

    private PeopleSchema(IReadOnlyList<SchemaField> fields, string? tagsColumn, bool linksEmployer)
    {
        Fields = fields;
        ByKey = fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        TagsColumn = tagsColumn;
        LinksEmployer = linksEmployer;
    }

    public IReadOnlyList<SchemaField> Fields { get; }

    public IReadOnlyDictionary<string, SchemaField> ByKey { get; }

    /// <summary>The <c>tag_array</c> column that holds the tags, or null when the database has none.</summary>
    public string? TagsColumn { get; }

    /// <summary>True when people link their employer organisation (<c>employer_link</c>): the employer is written as that link.</summary>
    public bool LinksEmployer { get; }

    public AppSchema ToAppSchema() => new(Fields.Select(f => f.Definition));

    public static async Task<PeopleSchema> LoadAsync(WorkbooksClient client, CancellationToken cancellationToken)
    {
        var types = await client.ReadAsync("metadata/types.api", new WorkbooksForm()
            .Add("class_names[]", PersonClass)
            .Add("_select_columns[]", "fields"), cancellationToken).ConfigureAwait(false);
        var columns = types.OfType<JsonObject>().SelectMany(t => JsonFields.Items(t, "fields")).ToList();
        var picklists = columns.Select(c => JsonFields.Int(c["picklist"] as JsonObject, "picklist_id")).OfType<int>().Distinct().ToList();
        var entries = new Dictionary<int, List<string>>();
        if (picklists.Count > 0)
        {
            var form = new WorkbooksForm().Add("picklist_id", string.Join(',', picklists)).Page(0, 1000);
            foreach (var entry in (await client.ReadAsync("picklist_entries.api", form, cancellationToken).ConfigureAwait(false)).OfType<JsonObject>())
            {
                if (JsonFields.Int(entry, "picklist_id") is { } id && JsonFields.Text(entry, "value") is { } value)
                {
                    (entries.TryGetValue(id, out var list) ? list : entries[id] = []).Add(value);
                }
            }
        }

        return From(columns, entries);
    }

    public static PeopleSchema From(IReadOnlyList<JsonObject> columns, IReadOnlyDictionary<int, List<string>> picklists)
    {
        var byName = columns.Where(c => JsonFields.Text(c, "name") is not null).GroupBy(c => JsonFields.Text(c, "name")!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var fields = new List<SchemaField>
        {
            new(new FieldDefinition(StandardFieldKeys.FullName, "Name", FieldType.Text) { Role = FieldRole.FullName, IsReadOnly = true }, ["name"], "string"),
        };
        foreach (var (key, label, type, role, names) in Standard)
        {
            if (names.All(byName.ContainsKey))
            {
                var column = byName[names[0]];
                fields.Add(new SchemaField(new FieldDefinition(key, label, type) { Role = role, IsReadOnly = !Writable(column), Options = Options(column, picklists) }, names, Datatype(column)));
            }
        }

        string? tags = null;
        foreach (var (name, column) in byName.Where(c => c.Key.StartsWith(WorkbooksFieldKeys.CustomPrefix, StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var datatype = Datatype(column);
            var title = JsonFields.Text(column, "title") ?? name;
            if (datatype == "tag_array" && tags is null)
            {
                tags = name;
                continue;
            }

            if (Custom(name, title, datatype, fields) is { } definition)
            {
                fields.Add(new SchemaField(definition with { IsReadOnly = !Writable(column), Options = Options(column, picklists) }, [name], datatype));
            }
        }

        var linksEmployer = byName.TryGetValue("employer_link", out var link) && Writable(link) && fields.Any(f => f.Key == StandardFieldKeys.Org);
        return new PeopleSchema(fields, tags, linksEmployer);
    }

    private static FieldDefinition? Custom(string name, string title, string datatype, List<SchemaField> fields)
    {
        // The birthday and notes Workbooks lacks are custom fields an administrator adds; by their title they take the standard roles.
        if (title.Equals("Birthday", StringComparison.OrdinalIgnoreCase) && datatype is "date" or "string" && !fields.Any(f => f.Key == StandardFieldKeys.Birthday))
        {
            return new FieldDefinition(StandardFieldKeys.Birthday, title, FieldType.Date) { Role = FieldRole.Birthday };
        }

        if (title is "Notes" or "Note" && datatype is "text" or "string" && !fields.Any(f => f.Key == StandardFieldKeys.Note))
        {
            return new FieldDefinition(StandardFieldKeys.Note, title, FieldType.Text) { Role = FieldRole.Notes };
        }

        FieldType? type = datatype switch
        {
            "string" or "text" => FieldType.Text,
            "uri" => FieldType.Url,
            "email" => FieldType.Email,
            "boolean" => FieldType.Boolean,
            "integer" or "decimal" or "float" or "percentage" => FieldType.Number,
            "date" => FieldType.Date,
            "datetime" => FieldType.DateTime,
            "currency" => FieldType.Money,
            "picklist_data" or "picklist_url" => FieldType.SingleChoice,
            "tag_array" => FieldType.MultipleChoice,
            _ => null,
        };
        return type is { } t ? new FieldDefinition(name, title, t) { IsCustom = true } : null;
    }

    private static string Datatype(JsonObject column) => JsonFields.Text(column, "datatype") ?? "string";

    private static bool Writable(JsonObject column) =>
        column["is_createable"]?.GetValueKind() == System.Text.Json.JsonValueKind.True || column["is_updateable"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;

    private static IReadOnlyList<ChoiceOption> Options(JsonObject column, IReadOnlyDictionary<int, List<string>> picklists) =>
        JsonFields.Int(column["picklist"] as JsonObject, "picklist_id") is { } id && picklists.TryGetValue(id, out var values)
            ? [.. values.Select(v => new ChoiceOption(v, v))]
            : [];
}
