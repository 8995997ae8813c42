using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// A v3 contact as a canonical <see cref="ContactRecord"/>: its id, <c>updatedAt</c> in milliseconds as version, the
/// standard keys from their properties, every other property keyed <c>property.&lt;name&gt;</c>, static lists as tags,
/// and an opt-out (from all email or from a subscription type) as unsubscribed.
/// </summary>
internal sealed class ContactReader(string? defaultRegion, ILogger logger)
{
    public static string Id(JsonObject contact) => Json.Text(contact, "id") ?? throw new HubSpotApiException("HubSpot returned a contact without an id.");

    /// <summary>When the contact last changed (<c>lastmodifieddate</c>, else <c>updatedAt</c>), to the millisecond.</summary>
    public static DateTimeOffset Modified(JsonObject contact) =>
        Time(Json.Text(contact["properties"] as JsonObject, "lastmodifieddate")) ?? Time(Json.Text(contact, "updatedAt"))
        ?? throw new HubSpotApiException("HubSpot returned a contact without a modification time.");

    public static DateTimeOffset? Time(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }

    public static string Version(JsonObject contact) => Modified(contact).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The ids merged into this contact (<c>hs_merged_object_ids</c>).</summary>
    public static IReadOnlyList<string> MergedIds(JsonObject contact) =>
        (Json.Text(contact["properties"] as JsonObject, "hs_merged_object_ids") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public ContactRecord Read(JsonObject contact, PropertyDirectory directory, IReadOnlyCollection<string> tags)
    {
        var id = Id(contact);
        var p = contact["properties"] as JsonObject ?? [];
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        Put(fields, StandardFieldKeys.FirstName, Values.Create(FieldType.Text, Json.Text(p, "firstname")));
        Put(fields, StandardFieldKeys.LastName, Values.Create(FieldType.Text, Json.Text(p, "lastname")));
        Put(fields, StandardFieldKeys.Emails, List(FieldType.Email, [("work", Json.Text(p, "email")), .. Split(Json.Text(p, "hs_additional_emails")).Select(e => ("other", (string?)e))]));
        Put(fields, StandardFieldKeys.Phones, List(FieldType.Phone, [("work", Json.Text(p, "phone")), ("mobile", Json.Text(p, "mobilephone"))]));
        Put(fields, StandardFieldKeys.Urls, List(FieldType.Url, [("work", Json.Text(p, "website"))]));
        if (new[] { "address", "city", "state", "zip", "country" }.Any(n => Json.Text(p, n) is not null))
        {
            Put(fields, StandardFieldKeys.Addresses, new ListValue(FieldType.Address, [new LabelledValue("work", Values.Address(Json.Text(p, "address"), Json.Text(p, "city"), Json.Text(p, "state"), Json.Text(p, "zip"), Json.Text(p, "country")))]));
        }

        Put(fields, StandardFieldKeys.Org, Values.Create(FieldType.Text, Json.Text(p, "company")));
        Put(fields, StandardFieldKeys.Title, Values.Create(FieldType.Text, Json.Text(p, "jobtitle")));
        Put(fields, StandardFieldKeys.Birthday, Values.Create(FieldType.Date, Json.Text(p, "date_of_birth")));
        Put(fields, StandardFieldKeys.Note, Values.Create(FieldType.Text, Json.Text(p, "message")));
        Put(fields, HubSpotFieldKeys.Owner, Values.Create(FieldType.OwnerReference, Json.Text(p, "hubspot_owner_id")));
        foreach (var property in directory.Others)
        {
            if (Json.Text(p, property.Name) is not { } raw)
            {
                continue;
            }

            var value = Read(property, raw);
            if (value is null)
            {
                HubSpotLog.SkippedValue(logger, property.Name, id);
            }

            Put(fields, HubSpotFieldKeys.PropertyPrefix + property.Name, value);
        }

        return new ContactRecord(id, fields.ToImmutable())
        {
            Version = Version(contact),
            Tags = ImmutableSortedSet.CreateRange(StringComparer.Ordinal, tags),
            IsUnsubscribed = Json.Text(p, "hs_email_optout") == "true" || directory.OptOuts.Any(o => Json.Text(p, o) == "true"),
        };
    }

    /// <summary>A property's wire value as a canonical value of its type; null when it is not valid for it.</summary>
    public ScalarValue? Read(PortalProperty property, string raw) => property.Type switch
    {
        FieldType.SingleChoice => property.LabelOf(raw) is { } label ? Values.Create(FieldType.SingleChoice, label) : null,
        FieldType.MultipleChoice => Split(raw).Select(property.LabelOf).ToList() is var labels && labels.All(l => l is not null)
            ? Values.MultipleChoice(labels.OfType<string>()) : null,
        FieldType.Date => Values.Create(FieldType.Date, long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : raw),
        FieldType.DateTime => Time(raw) is { } at ? Values.Create(FieldType.DateTime, at.ToString("O", CultureInfo.InvariantCulture)) : null,
        FieldType.Phone => Values.Create(FieldType.Phone, raw, defaultRegion),
        var type => Values.Create(type, raw),
    };

    private ListValue? List(FieldType type, IEnumerable<(string Label, string? Raw)> entries)
    {
        var items = entries.Where(e => e.Raw is not null)
            .Select(e => (e.Label, Value: Values.Create(type, e.Raw, defaultRegion)))
            .Where(e => e.Value is not null)
            .Select(e => new LabelledValue(e.Label, e.Value!))
            .ToList();
        return items.Count == 0 ? null : new ListValue(type, [.. items]);
    }

    private static IEnumerable<string> Split(string? joined) =>
        (joined ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Put(ImmutableDictionary<string, FieldValue>.Builder fields, string key, FieldValue? value)
    {
        if (value is not null)
        {
            fields[key] = value;
        }
    }
}
