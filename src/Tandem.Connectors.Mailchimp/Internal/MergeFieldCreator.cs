using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// Adds a merge field (<c>POST /lists/{id}/merge-fields</c>) for a mapping's target: text, number, date (a date field
/// needs a year; its form shows MM/DD/YYYY), phone (international), URL, address, or a single choice as a dropdown with
/// its options. The tag is left to Mailchimp (it gives <c>MMERGE&lt;n&gt;</c>, never one in use); the field is not shown on
/// the signup form. Merge fields hold one value, so a multiple choice becomes a group instead: a hidden interest category
/// (only admins and the API set it) with one interest per option. A name the audience already has is refused before
/// asking Mailchimp: two fields of one name cannot be told apart in a mapping.
/// </summary>
internal sealed class MergeFieldCreator
{
    public static readonly IReadOnlyList<FieldType> Types =
        [FieldType.Text, FieldType.Number, FieldType.Date, FieldType.Phone, FieldType.Url, FieldType.Address, FieldType.SingleChoice, FieldType.MultipleChoice];

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
        var choices = Choices(name, type, options ?? []);
        var body = type == FieldType.MultipleChoice ? null : Body(name, type, choices);

        // Merge fields and groups are read afresh: the name must not be in use among either.
        var fresh = await schemas.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var names = fresh.MergeFields.Select(f => f.Name).Concat(fresh.Groups!.Categories.Select(c => c.Title)).Append(AudienceSchema.EmailLabel);
        if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new ConnectorException($"The Mailchimp audience already has a field named '{name}'.");
        }

        return body is null
            ? await CreateGroupAsync(fresh, name, choices, cancellationToken).ConfigureAwait(false)
            : await CreateMergeFieldAsync(fresh, name, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FieldDefinition> CreateMergeFieldAsync(AudienceSchema fresh, string name, JsonObject body, CancellationToken cancellationToken)
    {
        JsonObject created;
        try
        {
            created = await client.PostAsync($"lists/{client.AudienceId}/merge-fields", body, idempotent: false, cancellationToken).ConfigureAwait(false);
        }
        catch (MailchimpApiException ex) when (IsRefusal(ex))
        {
            throw Refused(name, ex);
        }

        var schema = fresh.Adding(created);
        schemas.Replace(schema);
        var tag = Json.Text(created, "tag") ?? throw new MailchimpApiException("Mailchimp created the field but did not say its tag.");
        var key = schema.MergeFields.First(f => f.Tag == tag).Key;
        return schema.ToAppSchema().Find(key)!;
    }

    /// <summary>A hidden interest category and its interests, one call each; a category left half-made by a refusal is deleted.</summary>
    private async Task<FieldDefinition> CreateGroupAsync(AudienceSchema fresh, string name, IReadOnlyList<string> choices, CancellationToken cancellationToken)
    {
        var root = $"lists/{client.AudienceId}/interest-categories";
        string? id = null;
        try
        {
            var category = await client.PostAsync(root, new JsonObject { ["title"] = name, ["type"] = "hidden" }, idempotent: false, cancellationToken).ConfigureAwait(false);
            id = Json.Text(category, "id") ?? throw new MailchimpApiException("Mailchimp created the group but did not say its id.");
            var interests = new List<ChoiceOption>();
            foreach (var choice in choices)
            {
                var interest = await client.PostAsync($"{root}/{Uri.EscapeDataString(id)}/interests", new JsonObject { ["name"] = choice }, idempotent: false, cancellationToken).ConfigureAwait(false);
                interests.Add(new ChoiceOption(Json.Text(interest, "id") ?? throw new MailchimpApiException("Mailchimp created a group name but did not say its id."), choice));
            }

            var schema = fresh.WithGroups(fresh.Groups!.Adding(new InterestCategory(id, Json.Text(category, "title") ?? name, "hidden", interests)));
            schemas.Replace(schema);
            return schema.ToAppSchema().Find(MailchimpFieldKeys.GroupPrefix + id)!;
        }
        catch (MailchimpApiException ex) when (IsRefusal(ex))
        {
            if (id is not null)
            {
                _ = await client.DeleteAsync($"{root}/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false);
            }

            throw Refused(name, ex);
        }
    }

    private static bool IsRefusal(MailchimpApiException ex) => ex.Status is >= 400 and < 500 and not (401 or 403 or 429);

    private static ConnectorException Refused(string name, MailchimpApiException ex)
    {
        var reason = ex.FieldErrors.Count > 0 ? string.Join("; ", ex.FieldErrors) : ex.Detail.Length > 0 ? ex.Detail : ex.Title;
        return new ConnectorException($"Mailchimp refused the field '{name}': {reason}", ex);
    }

    /// <summary>The options of a choice field (trimmed, each once; at least one), or none for other types.</summary>
    private static IReadOnlyList<string> Choices(string name, FieldType type, IReadOnlyList<string> options)
    {
        if (name.Length == 0)
        {
            throw new ConnectorException("A new Mailchimp field needs a name.");
        }

        if (type is not (FieldType.SingleChoice or FieldType.MultipleChoice))
        {
            return [];
        }

        var choices = options.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return choices.Count > 0 ? choices : throw new ConnectorException($"The Mailchimp choice field '{name}' needs at least one option.");
    }

    private static JsonObject Body(string name, FieldType type, IReadOnlyList<string> choices)
    {
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
                body["type"] = "dropdown";
                body["options"] = new JsonObject { ["choices"] = new JsonArray(choices.Select(c => (JsonNode)c).ToArray()) };
                break;
            default:
                throw new ConnectorException($"Mailchimp has no field of type {type}: it can create text, number, date, phone, URL, address, dropdown and group (multiple choice) fields.");
        }

        return body;
    }
}
