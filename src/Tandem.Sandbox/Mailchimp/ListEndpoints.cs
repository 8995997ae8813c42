using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Mailchimp;

/// <summary><c>GET /lists</c>, <c>GET /lists/{list_id}</c> and <c>GET/POST /lists/{list_id}/merge-fields</c>.</summary>
internal sealed partial class ListEndpoints
{
    private readonly AudienceStore store;

    public ListEndpoints(AudienceStore store)
    {
        this.store = store;
    }

    public JsonObject Lists(IQueryCollection query) => store.Read(() =>
    {
        var (count, offset) = Paging(query);
        var all = store.Audiences.ToList();
        return new JsonObject
        {
            ["lists"] = new JsonArray(all.Skip(offset).Take(count).Select(a => (JsonNode)Render(a)).ToArray()),
            ["total_items"] = all.Count,
        };
    });

    public JsonObject List(string listId) => store.Read(() => Render(store.Audience(listId)));

    public JsonObject MergeFields(string listId, IQueryCollection query) => store.Read(() =>
    {
        var audience = store.Audience(listId);
        var (count, offset) = Paging(query);
        return new JsonObject
        {
            ["merge_fields"] = new JsonArray(audience.MergeFields.Skip(offset).Take(count).Select(f => (JsonNode)f.ToJson(audience.Id)).ToArray()),
            ["list_id"] = audience.Id,
            ["total_items"] = audience.MergeFields.Count,
        };
    });

    /// <summary>
    /// Adds a merge field. A tag given is upper-cased and must be 1–10 letters, digits or underscores and not in use
    /// (EMAIL is always in use); without one Mailchimp names the field <c>MMERGE&lt;merge_id&gt;</c>. An audience holds at
    /// most <paramref name="maxFields"/> merge fields.
    /// </summary>
    public JsonObject AddMergeField(string listId, JsonObject body, int maxFields) => store.Write(_ =>
    {
        var audience = store.Audience(listId);
        var name = MemberWrites.Text(body["name"])?.Trim();
        var type = MemberWrites.Text(body["type"]);
        var errors = new List<(string, string)>();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(("name", "This value should not be blank."));
        }

        if (type is null || !StoredMergeField.Types.Contains(type))
        {
            errors.Add(("type", "Type must be one of " + string.Join(", ", StoredMergeField.Types) + "."));
        }

        var given = MemberWrites.Text(body["tag"])?.Trim().ToUpperInvariant();
        if (given is not null && !MergeTag().IsMatch(given))
        {
            errors.Add(("tag", "A merge tag is 1 to 10 letters, digits or underscores."));
        }

        var options = body["options"] as JsonObject;
        var choices = (options?["choices"] as JsonArray ?? []).Select(MemberWrites.Text).OfType<string>().ToList();
        if (type is "radio" or "dropdown" && choices.Count == 0)
        {
            errors.Add(("options.choices", "A radio or dropdown field needs choices."));
        }

        if (errors.Count > 0)
        {
            throw MailchimpApiException.InvalidFields(errors);
        }

        if (audience.MergeFields.Count >= maxFields)
        {
            throw MailchimpApiException.Invalid($"An audience can have at most {maxFields} merge fields.");
        }

        var mergeId = audience.MergeFields.Count == 0 ? 1 : audience.MergeFields.Max(f => f.MergeId) + 1;
        var tag = given ?? Enumerable.Range(mergeId, 1000).Select(n => "MMERGE" + n.ToString(CultureInfo.InvariantCulture)).First(t => audience.MergeField(t) is null);
        if (tag == "EMAIL" || audience.MergeField(tag) is not null)
        {
            throw MailchimpApiException.Invalid($"A merge field with the tag \"{tag}\" already exists in this audience.");
        }

        var field = new StoredMergeField(mergeId, tag, name!, type!)
        {
            Required = body["required"] is JsonValue r && r.TryGetValue<bool>(out var required) && required,
            Public = body["public"] is not JsonValue p || !p.TryGetValue<bool>(out var isPublic) || isPublic,
            DisplayOrder = audience.MergeFields.Count + 2,
            Choices = choices,
            DateFormat = type switch { "date" => MemberWrites.Text(options?["date_format"]) ?? "MM/DD/YYYY", "birthday" => "MM/DD", _ => null },
            PhoneFormat = type == "phone" ? MemberWrites.Text(options?["phone_format"]) ?? "International" : null,
        };
        audience.MergeFields.Add(field);
        return field.ToJson(audience.Id);
    }).Result;

    public static (int Count, int Offset) Paging(IQueryCollection query)
    {
        var count = query["count"].FirstOrDefault() is { Length: > 0 } c ? int.Parse(c, NumberStyles.Integer, CultureInfo.InvariantCulture) : 10;
        var offset = query["offset"].FirstOrDefault() is { Length: > 0 } o ? int.Parse(o, NumberStyles.Integer, CultureInfo.InvariantCulture) : 0;
        return count is < 1 or > 1000 || offset < 0 ? throw MailchimpApiException.Invalid("count must be between 1 and 1000, and offset at least 0.") : (count, offset);
    }

    private static JsonObject Render(StoredAudience audience)
    {
        var counts = audience.Members.Values.GroupBy(m => m.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new JsonObject
        {
            ["id"] = audience.Id,
            ["web_id"] = audience.WebId,
            ["name"] = audience.Name,
            ["date_created"] = AudienceStore.Stamp(audience.DateCreated),
            ["list_rating"] = 0,
            ["email_type_option"] = false,
            ["double_optin"] = false,
            ["marketing_permissions"] = false,
            ["visibility"] = "prv",
            ["stats"] = new JsonObject
            {
                ["member_count"] = counts.GetValueOrDefault("subscribed"),
                ["unsubscribe_count"] = counts.GetValueOrDefault("unsubscribed"),
                ["cleaned_count"] = counts.GetValueOrDefault("cleaned"),
                ["total_contacts"] = audience.Members.Count,
                ["merge_field_count"] = audience.MergeFields.Count,
            },
        };
    }

    [GeneratedRegex("^[A-Z0-9_]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex MergeTag();
}
