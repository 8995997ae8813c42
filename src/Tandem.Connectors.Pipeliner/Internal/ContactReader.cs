using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Http;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// Pipeliner contacts into canonical records: <c>revision</c> as the version, <c>email1…5</c> and <c>phone1…5</c> as
/// lists with the first filled slot primary, the one address, owner and sales unit, tags, <c>is_unsubscribed</c>, custom
/// values by their field's type (choices as option labels).
/// </summary>
internal sealed class ContactReader
{
    /// <summary>
    /// The labels Tandem gives the slots, which Pipeliner does not label: a stable label per slot keeps lists from
    /// looking changed on every read.
    /// </summary>
    public static readonly string[] EmailLabels = ["work", "home", "other", "other", "other"];

    public static readonly string[] PhoneLabels = ["mobile", "work", "home", "other", "other"];

    /// <summary>A year Pipeliner's date fields need, standing for "no year" (the convention Apple's address book uses).</summary>
    public const int NoYear = 1604;

    private readonly string? region;
    private readonly ILogger logger;

    public ContactReader(string? region, ILogger logger)
    {
        this.region = region;
        this.logger = logger;
    }

    public static string Id(JsonObject contact) => JsonFields.Text(contact, "id")!;

    public static bool IsDeleted(JsonObject contact) => contact["is_deleted"] is JsonValue v && v.TryGetValue<bool>(out var deleted) && deleted;

    public static string? Modified(JsonObject contact) => JsonFields.Text(contact, "modified");

    public static string Version(JsonObject contact) => JsonFields.Number(contact["revision"]) ?? JsonFields.Text(contact, "modified") ?? string.Empty;

    public ContactRecord Read(JsonObject contact, SpaceDirectory directory)
    {
        var id = Id(contact);
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        Text(fields, StandardFieldKeys.FirstName, contact, "first_name");
        Text(fields, PipelinerFieldKeys.MiddleName, contact, "middle_name");
        Text(fields, StandardFieldKeys.LastName, contact, "last_name");
        Text(fields, StandardFieldKeys.FullName, contact, "formatted_name");
        Text(fields, PipelinerFieldKeys.Salutation, contact, "title");
        Text(fields, StandardFieldKeys.Org, contact, "quick_account_name");
        Text(fields, StandardFieldKeys.Title, contact, "position");
        Text(fields, StandardFieldKeys.Note, contact, "comments");
        if (PipelinerGender.Words(contact["gender"]) is { } gender)
        {
            fields[StandardFieldKeys.Gender] = Values.Text(gender);
        }

        Slots(fields, StandardFieldKeys.Emails, FieldType.Email, contact, "email", EmailLabels);
        Slots(fields, StandardFieldKeys.Phones, FieldType.Phone, contact, "phone", PhoneLabels);
        var address = Values.Create(FieldType.Address, string.Join(Values.PartSeparator, new[] { "address", "city", "state_province", "zip_code", "country" }.Select(p => JsonFields.Text(contact, p) ?? string.Empty)));
        if (address is not null)
        {
            fields[StandardFieldKeys.Addresses] = address;
        }

        if (JsonFields.Text(contact, "owner_id") is { } owner)
        {
            fields[PipelinerFieldKeys.Owner] = Values.Require(FieldType.OwnerReference, owner);
        }

        if (JsonFields.Text(contact, "unit_id") is { } unit && directory.Units.TryGetValue(unit, out var unitName))
        {
            fields[PipelinerFieldKeys.SalesUnit] = Values.Require(FieldType.SingleChoice, unitName);
        }

        foreach (var custom in directory.Custom)
        {
            var raw = contact[custom.ApiName];
            if (raw is null || (JsonFields.Text(raw) is null && raw.GetValueKind() == JsonValueKind.String) || (raw is JsonArray none && none.Count == 0))
            {
                continue;
            }

            if (Custom(custom, raw) is { } value)
            {
                fields[PipelinerSchema.KeyOf(custom, directory)] = value;
            }
            else
            {
                PipelinerLog.SkippedValue(logger, custom.ApiName, id);
            }
        }

        return new ContactRecord(id, fields.ToImmutable())
        {
            Version = Version(contact),
            Tags = [.. (contact["tags"] as JsonArray ?? []).Select(JsonFields.Text).OfType<string>()],
            IsUnsubscribed = contact["is_unsubscribed"] is JsonValue u && u.TryGetValue<bool>(out var unsubscribed) && unsubscribed,
        };
    }

    private static void Text(ImmutableDictionary<string, FieldValue>.Builder fields, string key, JsonObject contact, string property)
    {
        if (Values.Create(FieldType.Text, JsonFields.Text(contact, property)) is { } value)
        {
            fields[key] = value;
        }
    }

    private void Slots(ImmutableDictionary<string, FieldValue>.Builder fields, string key, FieldType type, JsonObject contact, string prefix, string[] labels)
    {
        var items = Enumerable.Range(1, 5)
            .Select(i => (Label: labels[i - 1], Value: Values.Create(type, JsonFields.Text(contact, prefix + i.ToString(CultureInfo.InvariantCulture)), region)))
            .Where(s => s.Value is not null)
            .Select(s => new LabelledValue(s.Label, s.Value!))
            .ToImmutableArray();
        if (items.Length > 0)
        {
            fields[key] = new ListValue(type, items);
        }
    }

    private ScalarValue? Custom(CustomField field, JsonNode raw) => field.Type switch
    {
        FieldType.SingleChoice => JsonFields.Text(raw) is { } id && field.Options.TryGetValue(id, out var label) ? Values.Create(FieldType.SingleChoice, label) : null,
        FieldType.MultipleChoice => raw is JsonArray ids
            ? Values.Create(FieldType.MultipleChoice, string.Join(Values.PartSeparator, ids.Select(JsonFields.Text).OfType<string>().Select(i => field.Options.GetValueOrDefault(i)).OfType<string>()))
            : null,
        FieldType.Boolean => raw.GetValueKind() switch { JsonValueKind.True => Values.Boolean(true), JsonValueKind.False => Values.Boolean(false), _ => null },
        FieldType.Number => Values.Create(FieldType.Number, JsonFields.Number(raw)),
        FieldType.Date => Date(JsonFields.Text(raw)),
        _ => Values.Create(field.Type, JsonFields.Text(raw), region),
    };

    private static ScalarValue? Date(string? text)
    {
        if (text is null || !DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        return Values.Date(new PartialDate(date.Year == NoYear ? null : date.Year, date.Month, date.Day));
    }
}
