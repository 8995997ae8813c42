using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>A People API Person as a canonical <see cref="ContactRecord"/>: resource name as id, etag as version, groups as tags.</summary>
internal sealed class PersonReader
{
    private readonly string? region;

    public PersonReader(string? region, PhotoDownloads photos)
    {
        this.region = region;
        Photos = photos;
    }

    /// <summary>The photos of persons about to be read; load them first (<see cref="PhotoDownloads.LoadAsync"/>).</summary>
    public PhotoDownloads Photos { get; }

    /// <summary>Loads the photos of these persons, then reads them.</summary>
    public async Task<List<ContactRecord>> ReadAsync(IReadOnlyCollection<JsonObject> persons, GroupDirectory groups, CancellationToken cancellationToken)
    {
        await Photos.LoadAsync(persons, cancellationToken).ConfigureAwait(false);
        return persons.Select(p => Read(p, groups)).ToList();
    }

    public static bool IsTombstone(JsonObject person) => person["metadata"]?["deleted"]?.GetValue<bool>() == true;

    /// <summary>
    /// The names the person had before (<c>metadata.previousResourceNames</c>, answered in sync results only): linking a
    /// contact to a profile by a verified email or phone can give it a new resource name.
    /// </summary>
    public static IEnumerable<string> PreviousResourceNames(JsonObject person) =>
        (person["metadata"]?["previousResourceNames"] as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>();

    public static string ResourceName(JsonObject person) =>
        person["resourceName"]?.GetValue<string>() ?? throw new PeopleApiException("Google Contacts returned a person without a resourceName.");

    public ContactRecord Read(JsonObject person, GroupDirectory groups)
    {
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        var name = First(person, "names");
        Put(fields, StandardFieldKeys.FirstName, Text(name, "givenName"));
        Put(fields, StandardFieldKeys.LastName, Text(name, "familyName"));
        Put(fields, StandardFieldKeys.FullName, Text(name, "displayName"));
        Put(fields, StandardFieldKeys.Emails, List(person, "emailAddresses", FieldType.Email, i => Text(i, "value"), region));
        Put(fields, StandardFieldKeys.Phones, List(person, "phoneNumbers", FieldType.Phone, i => Text(i, "canonicalForm") ?? Text(i, "value"), region));
        Put(fields, StandardFieldKeys.Addresses, List(person, "addresses", FieldType.Address, Address, region));
        Put(fields, StandardFieldKeys.Urls, List(person, "urls", FieldType.Url, i => Text(i, "value"), region));
        var organization = First(person, "organizations");
        Put(fields, StandardFieldKeys.Org, Text(organization, "name"));
        Put(fields, StandardFieldKeys.Title, Text(organization, "title"));
        Put(fields, StandardFieldKeys.Birthday, Birthday(First(person, "birthdays")));
        Put(fields, StandardFieldKeys.Note, Text(First(person, "biographies"), "value"));
        PersonalFields.Read(person, fields, region);
        Put(fields, StandardFieldKeys.Photo, Photos.Of(person));
        foreach (var item in Items(person, "userDefined"))
        {
            if (Text(item, "key") is { } key && !fields.ContainsKey(GoogleFieldKeys.UserDefinedPrefix + key))
            {
                Put(fields, GoogleFieldKeys.UserDefinedPrefix + key, Text(item, "value"));
            }
        }

        var tags = Items(person, "memberships")
            .Select(m => m["contactGroupMembership"]?["contactGroupResourceName"]?.GetValue<string>())
            .Select(g => g is null ? null : groups.UserGroupName(g))
            .OfType<string>()
            .ToImmutableSortedSet(StringComparer.Ordinal);
        var reference = Items(person, "clientData").FirstOrDefault(c => Text(c, "key") == GoogleFieldKeys.ClientReferenceKey) is { } data ? Text(data, "value") : null;
        return new ContactRecord(ResourceName(person), fields.ToImmutable())
        {
            Version = person["etag"]?.GetValue<string>(),
            Tags = tags,
            ClientReference = reference,
        };
    }

    internal static IEnumerable<JsonObject> Items(JsonObject? person, string field) => (person?[field] as JsonArray ?? []).OfType<JsonObject>();

    internal static JsonObject? First(JsonObject person, string field) => Items(person, field).FirstOrDefault();

    internal static string? Text(JsonObject? item, string property) =>
        item?[property] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    internal static void Put(ImmutableDictionary<string, FieldValue>.Builder fields, string key, string? text)
    {
        if (Values.Create(FieldType.Text, text) is { } value)
        {
            fields[key] = value;
        }
    }

    internal static void Put(ImmutableDictionary<string, FieldValue>.Builder fields, string key, FieldValue? value)
    {
        if (value is not null)
        {
            fields[key] = value;
        }
    }

    private static string? Address(JsonObject item)
    {
        var parts = new[] { Text(item, "streetAddress"), Text(item, "city"), Text(item, "region"), Text(item, "postalCode"), Text(item, "country") };
        return parts.All(p => p is null) ? null : string.Join(Values.PartSeparator, parts.Select(p => p ?? string.Empty));
    }

    private static ScalarValue? Birthday(JsonObject? birthday) =>
        Date(birthday?["date"] as JsonObject) ?? Values.Create(FieldType.Date, Text(birthday, "text"));

    internal static ScalarValue? Date(JsonObject? date)
    {
        if (date is not null && date["month"]?.GetValue<int>() is { } month && date["day"]?.GetValue<int>() is { } day
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month))
        {
            var year = date["year"]?.GetValue<int>() is { } y && y > 0 ? y : (int?)null;
            return Values.Date(new PartialDate(year, month, day));
        }

        return null;
    }

    internal static ListValue? List(JsonObject person, string field, FieldType type, Func<JsonObject, string?> value, string? region)
    {
        var items = ImmutableArray.CreateBuilder<LabelledValue>();

        // Google promises no order, only one item with metadata.primary: that one is read first (the list's primary).
        foreach (var item in Items(person, field).OrderByDescending(i => i["metadata"]?["primary"] is JsonValue p && p.TryGetValue<bool>(out var primary) && primary))
        {
            if (Values.Create(type, value(item), region) is { } scalar)
            {
                items.Add(new LabelledValue(Text(item, "type")?.ToLowerInvariant() ?? string.Empty, scalar));
            }
        }

        return items.Count == 0 ? null : new ListValue(type, items.ToImmutable());
    }
}
