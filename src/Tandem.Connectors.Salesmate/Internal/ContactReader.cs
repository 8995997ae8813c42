using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Http;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>
/// A Salesmate contact (a v4 get answer or a search row, which hold the same properties) as a canonical
/// <see cref="ContactRecord"/>: the contact id as id, <c>lastModifiedAt</c> as version, <c>tags</c> split on commas.
/// </summary>
internal sealed class ContactReader
{
    /// <summary>The phone properties in the order they are read (the first one set is the list's primary) and their labels.</summary>
    public static readonly IReadOnlyList<(string Property, string Label)> PhoneSlots = [("mobile", "mobile"), ("phone", "work"), ("otherPhone", "other")];

    /// <summary>
    /// The year a date without one is written with: Salesmate's date fields take full dates only, and 1604 (a leap year,
    /// so 29 February fits) is the convention address books use for "no year".
    /// </summary>
    public const int NoYear = 1604;

    private readonly ILogger logger;

    public ContactReader(ILogger logger)
    {
        this.logger = logger;
    }

    public static string Id(JsonObject contact) =>
        JsonFields.Int(contact, "id")?.ToString(CultureInfo.InvariantCulture) ?? throw new SalesmateApiException("Salesmate returned a contact without an id.");

    public static string? Version(JsonObject contact) => JsonFields.Text(contact, "lastModifiedAt");

    public static IEnumerable<string> Tags(JsonObject contact) =>
        (JsonFields.Text(contact, "tags") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The id inside a reference property (<c>owner</c>, <c>company</c>): an object with an id, or the id itself.</summary>
    public static int? ReferenceId(JsonNode? node) => node is JsonObject reference ? JsonFields.Int(reference, "id") : JsonFields.Int(node);

    public ContactRecord Read(JsonObject contact, AccountDirectory account)
    {
        var id = Id(contact);
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        Put(fields, StandardFieldKeys.FirstName, Values.Create(FieldType.Text, JsonFields.Text(contact, "firstName")));
        Put(fields, StandardFieldKeys.LastName, Values.Create(FieldType.Text, JsonFields.Text(contact, "lastName")));
        Put(fields, StandardFieldKeys.FullName, Values.Create(FieldType.Text, JsonFields.Text(contact, "name")));
        Put(fields, StandardFieldKeys.Emails, Values.Create(FieldType.Email, JsonFields.Text(contact, "email")));
        Put(fields, StandardFieldKeys.Phones, Phones(contact));
        Put(fields, StandardFieldKeys.Addresses, Address(contact));
        Put(fields, StandardFieldKeys.Urls, Values.Create(FieldType.Url, JsonFields.Text(contact, "website")));
        Put(fields, StandardFieldKeys.Org, Values.Create(FieldType.Text, contact["company"] is JsonObject company ? JsonFields.Text(company, "name") : null));
        Put(fields, StandardFieldKeys.Title, Values.Create(FieldType.Text, JsonFields.Text(contact, "designation")));
        Put(fields, StandardFieldKeys.Note, Values.Create(FieldType.Text, JsonFields.Text(contact, "description")));
        Put(fields, SalesmateFieldKeys.Owner, Values.Create(FieldType.OwnerReference, ReferenceId(contact["owner"])?.ToString(CultureInfo.InvariantCulture)));
        Put(fields, SalesmateFieldKeys.Currency, Values.Create(FieldType.Text, JsonFields.Text(contact, "currency")));
        Put(fields, SalesmateFieldKeys.LinkedIn, Values.Create(FieldType.Text, JsonFields.Text(contact, "linkedInHandle")));
        Put(fields, SalesmateFieldKeys.Twitter, Values.Create(FieldType.Text, JsonFields.Text(contact, "twitterHandle")));
        Put(fields, SalesmateFieldKeys.Facebook, Values.Create(FieldType.Text, JsonFields.Text(contact, "facebookHandle")));
        Put(fields, SalesmateFieldKeys.Skype, Values.Create(FieldType.Text, JsonFields.Text(contact, "skypeId")));
        foreach (var field in account.Custom)
        {
            if (field.Type is { } type && contact[field.ApiName] is { } raw)
            {
                var value = Custom(type, raw);
                if (value is null && raw is JsonValue)
                {
                    SalesmateLog.SkippedValue(logger, field.Key, id);
                }

                Put(fields, field.Key, value);
            }
        }

        return new ContactRecord(id, fields.ToImmutable())
        {
            Version = Version(contact),
            Tags = Tags(contact).ToImmutableSortedSet(StringComparer.Ordinal),
        };
    }

    private static ScalarValue? Custom(FieldType type, JsonNode raw)
    {
        switch (type)
        {
            case FieldType.Boolean:
                return raw is JsonValue b && b.TryGetValue<bool>(out var flag) ? Values.Boolean(flag) : Values.Create(type, JsonFields.Text(raw));
            case FieldType.Number:
                return Values.Create(type, JsonFields.Number(raw));
            case FieldType.MultipleChoice:
                var options = (JsonFields.Text(raw) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return options.Length == 0 ? null : Values.MultipleChoice(options);
            case FieldType.Date:
                return PartialDate.TryParse(JsonFields.Text(raw), out var date) ? Values.Date(date.Year == NoYear ? date with { Year = null } : date) : null;
            default:
                return Values.Create(type, JsonFields.Text(raw));
        }
    }

    private static ListValue? Phones(JsonObject contact)
    {
        var items = PhoneSlots
            .Select(s => (s.Label, Value: Values.Create(FieldType.Phone, JsonFields.Text(contact, s.Property))))
            .Where(s => s.Value is not null)
            .Select(s => new LabelledValue(s.Label, s.Value!))
            .ToImmutableArray();
        return items.IsEmpty ? null : new ListValue(FieldType.Phone, items);
    }

    private static ScalarValue? Address(JsonObject contact)
    {
        var street = string.Join('\n', new[] { JsonFields.Text(contact, "billingAddressLine1"), JsonFields.Text(contact, "billingAddressLine2") }.OfType<string>());
        var parts = new[] { street.Length == 0 ? null : street, JsonFields.Text(contact, "billingCity"), JsonFields.Text(contact, "billingState"), JsonFields.Text(contact, "billingZipCode"), JsonFields.Text(contact, "billingCountry") };
        return parts.All(p => p is null) ? null : Values.Create(FieldType.Address, string.Join(Values.PartSeparator, parts.Select(p => p ?? string.Empty)));
    }

    private static void Put(ImmutableDictionary<string, FieldValue>.Builder fields, string key, FieldValue? value)
    {
        if (value is not null)
        {
            fields[key] = value;
        }
    }
}
