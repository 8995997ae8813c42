using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// A v2 person as a canonical <see cref="ContactRecord"/>: the person id as id, labels as tags, custom fields keyed
/// <c>custom.&lt;hash&gt;</c>. Pipedrive has no etag, so the version is a hash of <c>update_time</c> and the content.
/// </summary>
internal sealed class PersonReader
{
    private readonly ILogger logger;

    public PersonReader(ILogger logger)
    {
        this.logger = logger;
    }

    public static string Id(JsonObject person) =>
        Json.Int(person, "id")?.ToString(CultureInfo.InvariantCulture) ?? throw new PipedriveApiException("Pipedrive returned a person without an id.");

    public static DateTimeOffset UpdateTime(JsonObject person) => ParseTime(Json.Text(person, "update_time"))
        ?? throw new PipedriveApiException("Pipedrive returned a person without an update_time.");

    /// <summary>Reads Pipedrive's times: RFC 3339 (v2) or <c>YYYY-MM-DD HH:MM:SS</c> in UTC (v1).</summary>
    public static DateTimeOffset? ParseTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    public ContactRecord Read(JsonObject person, CompanyDirectory directory)
    {
        var id = Id(person);
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        Put(fields, StandardFieldKeys.FirstName, Values.Create(FieldType.Text, Json.Text(person, "first_name")));
        Put(fields, StandardFieldKeys.LastName, Values.Create(FieldType.Text, Json.Text(person, "last_name")));
        Put(fields, StandardFieldKeys.FullName, Values.Create(FieldType.Text, Json.Text(person, "name")));
        Put(fields, StandardFieldKeys.Emails, List(person, "emails", FieldType.Email));
        Put(fields, StandardFieldKeys.Phones, List(person, "phones", FieldType.Phone));
        if (Json.Int(person, "org_id") is { } org)
        {
            Put(fields, StandardFieldKeys.Org, Values.Create(FieldType.Text, directory.KnownOrganizationName(org)));
        }

        Put(fields, PipedriveFieldKeys.Owner, Values.Create(FieldType.OwnerReference, Json.Int(person, "owner_id")?.ToString(CultureInfo.InvariantCulture)));
        Put(fields, StandardFieldKeys.Title, Values.Create(FieldType.Text, Json.Text(person, "job_title")));
        Put(fields, StandardFieldKeys.Birthday, Values.Create(FieldType.Date, Json.Text(person, "birthday")));
        Put(fields, StandardFieldKeys.Note, Values.Create(FieldType.Text, Json.Text(person, "notes")));
        Put(fields, StandardFieldKeys.InstantMessaging, ChatAccounts.Read(person));
        if (DealsCount(person) is { } deals)
        {
            // Present, 0 included, whenever the counts were asked for: "deals_count equals 0" is "has no deals".
            Put(fields, PipedriveFieldKeys.DealsCount, Values.Create(FieldType.Number, deals.ToString(CultureInfo.InvariantCulture)));
        }

        if (person["custom_fields"] is JsonObject custom)
        {
            foreach (var (key, value) in custom)
            {
                if (value is null || !directory.Custom.TryGetValue(key, out var field))
                {
                    continue;
                }

                var scalar = Custom(field, value);
                if (scalar is null)
                {
                    PipedriveLog.SkippedValue(logger, key, id);
                }

                Put(fields, PipedriveFieldKeys.CustomPrefix + key, scalar);
            }
        }

        var tags = (person["label_ids"] as JsonArray ?? [])
            .Select(Json.Int)
            .OfType<int>()
            .Select(directory.LabelName)
            .OfType<string>()
            .ToImmutableSortedSet(StringComparer.Ordinal);
        var built = fields.ToImmutable();
        return new ContactRecord(id, built)
        {
            Version = Version(Json.Text(person, "update_time"), built, tags),
            Tags = tags,
            IsUnsubscribed = Json.Text(person, "marketing_status") == "unsubscribed",
        };
    }

    /// <summary>Open plus closed deals, or null when the answer carries neither count (writes answer without them).</summary>
    public static int? DealsCount(JsonObject person)
    {
        var open = Json.Int(person, "open_deals_count");
        var closed = Json.Int(person, "closed_deals_count");
        return open is null && closed is null ? null : (open ?? 0) + (closed ?? 0);
    }

    /// <summary>A custom field's v2 value in canonical form, or null when it is not valid for the type.</summary>
    internal static ScalarValue? Custom(CustomField field, JsonNode value)
    {
        var obj = value as JsonObject;
        return field.PipedriveType switch
        {
            "monetary" => obj is null ? null : Values.Create(FieldType.Money, Json.Number(obj["value"]) + " " + Json.Text(obj, "currency")),
            "daterange" => obj is null ? null : Values.Create(FieldType.DateRange, Json.Text(obj, "value") + "/" + Json.Text(obj, "until")),
            "enum" => Json.Int(value) is { } option && field.Options.TryGetValue(option, out var label) ? Values.Create(FieldType.SingleChoice, label) : null,
            "set" => value is JsonArray ids
                ? Values.Create(FieldType.MultipleChoice, string.Join(Values.PartSeparator, ids.Select(Json.Int).OfType<int>().Select(i => field.Options.GetValueOrDefault(i)).OfType<string>()))
                : null,
            "user" => Values.Create(FieldType.OwnerReference, Json.Int(value)?.ToString(CultureInfo.InvariantCulture)),
            "address" => obj is null ? Values.Create(FieldType.Address, AsText(value)) : Address(obj),
            "double" or "int" => Values.Create(FieldType.Number, Json.Number(value)),
            _ => Values.Create(field.Type, obj is null ? AsText(value) : Json.Text(obj, "value")),
        };
    }

    private static string? AsText(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : Json.Number(value);

    private static ScalarValue? Address(JsonObject address)
    {
        var street = string.Join(' ', new[] { Json.Text(address, "route"), Json.Text(address, "street_number") }.OfType<string>());
        var parts = new[] { street.Length > 0 ? street : null, Json.Text(address, "locality"), Json.Text(address, "admin_area_level_1"), Json.Text(address, "postal_code"), Json.Text(address, "country") };
        if (parts.All(p => p is null))
        {
            // Only the formatted address is known: it goes whole into the street line.
            parts[0] = Json.Text(address, "value");
        }

        return parts.All(p => p is null) ? null : Values.Create(FieldType.Address, string.Join(Values.PartSeparator, parts.Select(p => p ?? string.Empty)));
    }

    private static string Version(string? updateTime, ImmutableDictionary<string, FieldValue> fields, ImmutableSortedSet<string> tags)
    {
        var text = new StringBuilder(updateTime).Append('\u001E');
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('\u001F').Append(value.Canonical).Append('\u001E');
        }

        text.AppendJoin('\u001F', tags);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static void Put(ImmutableDictionary<string, FieldValue>.Builder fields, string key, FieldValue? value)
    {
        if (value is not null)
        {
            fields[key] = value;
        }
    }

    private static ListValue? List(JsonObject person, string field, FieldType type)
    {
        var items = ImmutableArray.CreateBuilder<LabelledValue>();
        foreach (var item in Json.Items(person, field).OrderByDescending(i => i["primary"]?.GetValue<bool>() == true))
        {
            if (Values.Create(type, Json.Text(item, "value")) is { } scalar)
            {
                items.Add(new LabelledValue(Json.Text(item, "label")?.ToLowerInvariant() ?? string.Empty, scalar));
            }
        }

        return items.Count == 0 ? null : new ListValue(type, items.ToImmutable());
    }
}
