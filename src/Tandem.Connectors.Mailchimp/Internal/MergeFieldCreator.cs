using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// Adds a merge field (<c>POST /lists/{id}/merge-fields</c>) for a mapping's target: text, number, date (a date field
/// needs a year; its form shows MM/DD/YYYY), phone (international), URL, address, or a single choice as a dropdown with
/// its options. The tag is left to Mailchimp (it gives <c>MMERGE&lt;n&gt;</c>, never one in use); the field is not shown on
/// the signup form. A name the audience already has is refused before asking Mailchimp: two fields of one name cannot be
/// told apart in a mapping. Costs two calls: the current merge fields, then the creation.
/// </summary>
internal sealed class MergeFieldCreator
{
    public static readonly IReadOnlyList<FieldType> Types =
        [FieldType.Text, FieldType.Number, FieldType.Date, FieldType.Phone, FieldType.Url, FieldType.Address, FieldType.SingleChoice];

    private readonly MailchimpClient client;
    private readonly AudienceSchemaCache schemas;

    public MergeFieldCreator(MailchimpClient client, AudienceSchemaCache schemas)
    {
        this.client = client;
        this.schemas = schemas;
    }

    public async Task<FieldDefinition> CreateAsync(string label, FieldType type, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var name = label?.Trim() ?? string.Empty;
        var body = Body(name, type, options ?? []);
        var cached = await schemas.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var fresh = (await AudienceSchema.LoadAsync(client, cancellationToken).ConfigureAwait(false)).WithGroups(cached.Groups);
        var names = fresh.MergeFields.Select(f => f.Name).Concat((fresh.Groups ?? AudienceGroups.None).Categories.Select(c => c.Title)).Append(AudienceSchema.EmailLabel);
        if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new ConnectorException($"The Mailchimp audience already has a field named '{name}'.");
        }

        JsonObject created;
        try
        {
            created = await client.PostAsync($"lists/{client.AudienceId}/merge-fields", body, idempotent: false, cancellationToken).ConfigureAwait(false);
        }
        catch (MailchimpApiException ex) when (ex.Status is >= 400 and < 500 and not (401 or 403 or 429))
        {
            var reason = ex.FieldErrors.Count > 0 ? string.Join("; ", ex.FieldErrors) : ex.Detail.Length > 0 ? ex.Detail : ex.Title;
            throw new ConnectorException($"Mailchimp refused the field '{name}': {reason}", ex);
        }

        var schema = fresh.Adding(created);
        schemas.Replace(schema);
        var tag = Json.Text(created, "tag") ?? throw new MailchimpApiException("Mailchimp created the field but did not say its tag.");
        var key = schema.MergeFields.First(f => f.Tag == tag).Key;
        return schema.ToAppSchema().Find(key)!;
    }

    private static JsonObject Body(string name, FieldType type, IReadOnlyList<string> options)
    {
        if (name.Length == 0)
        {
            throw new ConnectorException("A new Mailchimp field needs a name.");
        }

        var body = new JsonObject { ["name"] = name, ["public"] = false };
        switch (type)
        {
            case FieldType.Text:
                body["type"] = "text";
                break;
            case FieldType.Number:
                body["type"] = "number";
                break;
            case FieldType.Date:
                body["type"] = "date";
                body["options"] = new JsonObject { ["date_format"] = "MM/DD/YYYY" };
                break;
            case FieldType.Phone:
                body["type"] = "phone";
                body["options"] = new JsonObject { ["phone_format"] = "International" };
                break;
            case FieldType.Url:
                body["type"] = "url";
                break;
            case FieldType.Address:
                body["type"] = "address";
                break;
            case FieldType.SingleChoice:
                var choices = options.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (choices.Count == 0)
                {
                    throw new ConnectorException($"The Mailchimp dropdown field '{name}' needs at least one option.");
                }

                body["type"] = "dropdown";
                body["options"] = new JsonObject { ["choices"] = new JsonArray(choices.Select(c => (JsonNode)c).ToArray()) };
                break;
            default:
                throw new ConnectorException($"Mailchimp has no field of type {type}: it can create text, number, date, phone, URL, address and dropdown fields.");
        }

        return body;
    }
}
