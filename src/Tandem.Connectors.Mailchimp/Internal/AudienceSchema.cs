using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// An audience's contact fields: the email address, the read-only status, every merge field with its type, and (once
/// read) every interest category as a choice field. The default merge fields and the ones a CRM sync usually adds get
/// standard keys and roles, so default mappings pair them with the other app's fields (FNAME → first name, PHONE →
/// phones, COMPANY → organisation, …).
/// </summary>
internal sealed class AudienceSchema
{
    public const string EmailLabel = "Email address";

    // Well-known merge fields, by tag or by name, when their type fits.
    private static readonly (string[] Tags, string[] Names, string[] Types, string Key, FieldRole Role)[] WellKnown =
    [
        (["FNAME"], ["First Name"], ["text"], StandardFieldKeys.FirstName, FieldRole.FirstName),
        (["LNAME"], ["Last Name"], ["text"], StandardFieldKeys.LastName, FieldRole.LastName),
        (["PHONE"], ["Phone Number", "Phone"], ["phone"], StandardFieldKeys.Phones, FieldRole.Phones),
        (["ADDRESS"], ["Address"], ["address"], StandardFieldKeys.Addresses, FieldRole.Addresses),
        (["BIRTHDAY"], ["Birthday"], ["birthday", "date"], StandardFieldKeys.Birthday, FieldRole.Birthday),
        (["COMPANY"], ["Company", "Company Name", "Organization", "Organisation"], ["text"], StandardFieldKeys.Org, FieldRole.Company),
        (["TITLE", "JOBTITLE"], ["Title", "Job title", "Job Title"], ["text"], StandardFieldKeys.Title, FieldRole.JobTitle),
        (["NOTES", "NOTE"], ["Notes", "Note"], ["text"], StandardFieldKeys.Note, FieldRole.Notes),
        (["WEBSITE", "URL"], ["Website"], ["url"], StandardFieldKeys.Urls, FieldRole.Urls),
    ];

    private readonly IReadOnlyList<JsonObject> source;

    private AudienceSchema(IReadOnlyList<JsonObject> source, IReadOnlyList<MergeField> fields)
    {
        this.source = source;
        MergeFields = fields;
        ByKey = fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<MergeField> MergeFields { get; }

    public IReadOnlyDictionary<string, MergeField> ByKey { get; }

    /// <summary>The interest categories; null until they are read (only when a member or a write has groups, or the schema is asked for).</summary>
    public AudienceGroups? Groups { get; private init; }

    public AudienceSchema WithGroups(AudienceGroups? groups) => new(source, MergeFields) { Groups = groups };

    /// <summary>This schema with one more merge field (as Mailchimp answered its creation); the groups are kept.</summary>
    public AudienceSchema Adding(JsonObject mergeField) => From(source.Append(mergeField)).WithGroups(Groups);

    public static async Task<AudienceSchema> LoadAsync(MailchimpClient client, CancellationToken cancellationToken)
    {
        var answer = await client.GetAsync($"lists/{client.AudienceId}/merge-fields?count=1000", cancellationToken).ConfigureAwait(false);
        return From(Json.Items(answer, "merge_fields"));
    }

    public static AudienceSchema From(IEnumerable<JsonObject> mergeFields)
    {
        var items = mergeFields.ToList();
        var fields = new List<MergeField>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (Json.Text(item, "tag") is not { } tag || Json.Text(item, "type") is not { } type)
            {
                continue;
            }

            var name = Json.Text(item, "name") ?? tag;
            var known = WellKnown.FirstOrDefault(w => w.Types.Contains(type)
                && (w.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase) || w.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                && !taken.Contains(w.Key));
            var key = known.Key ?? MailchimpFieldKeys.MergePrefix + tag;
            taken.Add(key);
            var options = item["options"] as JsonObject;
            fields.Add(new MergeField(
                tag,
                name,
                type,
                item["required"] is JsonValue r && r.TryGetValue<bool>(out var required) && required,
                (options?["choices"] as JsonArray ?? []).Select(Json.Text).OfType<string>().ToList(),
                Json.Text(options, "phone_format"))
            {
                Key = key,
                Role = known.Key is null ? FieldRole.None : known.Role,
            });
        }

        return new AudienceSchema(items, fields);
    }

    public AppSchema ToAppSchema() => new(
        new FieldDefinition[]
        {
            new(StandardFieldKeys.Emails, EmailLabel, FieldType.Email) { Role = FieldRole.Emails },
            TagsField.Labels(ignoresCase: true), // the member's tags (one tag whatever its case), read and written as the record's tags
            new(MailchimpFieldKeys.Status, "Status", FieldType.SingleChoice)
            {
                IsReadOnly = true,
                Options = MemberReader.Statuses.Select(s => new ChoiceOption(s, s)).ToList(),
            },
        }.Concat(MergeFields.Select(f => new FieldDefinition(f.Key, f.Name, f.Type)
        {
            IsCustom = f.Role == FieldRole.None,
            Role = f.Role,
            Options = f.Choices.Select(c => new ChoiceOption(c, c)).ToList(),
        })).Concat((Groups ?? AudienceGroups.None).Categories.Select(c => new FieldDefinition(c.Key, c.Title, c.Type)
        {
            IsCustom = true,
            Options = c.Interests,
        })));
}
