using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>
/// Canonical values as a v4 contact body. Salesmate requires <c>lastName</c> and <c>owner</c> on every create (and keeps
/// them required): a contact without a last name gets one by rule (its email, else its first name, else its company,
/// else "Unknown"), and one without an owner gets the owner of new contacts, so no write is refused for want of them.
/// </summary>
internal static class ContactWriter
{
    public const string UnknownLastName = "Unknown";

    public static async Task<JsonObject> CreateBodyAsync(CreateOperation create, AccountDirectory account, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        foreach (var (key, value) in create.Fields)
        {
            await SetAsync(body, key, value, account, cancellationToken).ConfigureAwait(false);
        }

        if (!create.Tags.IsEmpty)
        {
            body["tags"] = string.Join(',', create.Tags);
        }

        if (ContactField(body, "lastName") is null)
        {
            body["lastName"] = FallbackLastName(create.Fields);
        }

        if (body["owner"] is null)
        {
            body["owner"] = await account.OwnerAsync(cancellationToken).ConfigureAwait(false);
        }

        return body;
    }

    /// <summary>The body of an update of <paramref name="current"/>; empty when nothing changes.</summary>
    public static async Task<JsonObject> UpdateBodyAsync(UpdateOperation update, JsonObject current, AccountDirectory account, ContactReader reader, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        foreach (var change in update.Changes)
        {
            await SetAsync(body, change.Key, change.Value, account, cancellationToken).ConfigureAwait(false);
        }

        if (body.ContainsKey("lastName") && ContactField(body, "lastName") is null)
        {
            // Clearing the last name would be refused: the contact gets one by the same rule as a new contact.
            var after = reader.Read(current, account).Fields.SetItems(update.Changes.Where(c => c.Value is not null).Select(c => KeyValuePair.Create(c.Key, c.Value!)));
            foreach (var cleared in update.Changes.Where(c => c.Value is null))
            {
                after = after.Remove(cleared.Key);
            }

            body["lastName"] = FallbackLastName(after);
        }

        if (body.ContainsKey("owner") && body["owner"] is null)
        {
            body["owner"] = await account.OwnerAsync(cancellationToken).ConfigureAwait(false);
        }

        var tags = ContactReader.Tags(current).ToImmutableSortedSet(StringComparer.Ordinal);
        var wanted = tags.Union(update.AddTags).Except(update.RemoveTags);
        if (!wanted.SetEquals(tags))
        {
            body["tags"] = wanted.Count == 0 ? null : string.Join(',', wanted);
        }

        return body;
    }

    private static string FallbackLastName(IReadOnlyDictionary<string, FieldValue> fields) =>
        new[] { StandardFieldKeys.Emails, StandardFieldKeys.FirstName, StandardFieldKeys.Org }
            .Select(k => fields.GetValueOrDefault(k) is { } value ? Text(value) : null)
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? UnknownLastName;

    private static string? ContactField(JsonObject body, string name) => JsonFields.Text(body, name);

    private static async Task SetAsync(JsonObject body, string key, FieldValue? value, AccountDirectory account, CancellationToken cancellationToken)
    {
        var text = value is null ? null : Text(value);
        switch (key)
        {
            case StandardFieldKeys.FirstName: body["firstName"] = text; break;
            case StandardFieldKeys.LastName: body["lastName"] = text; break;
            case StandardFieldKeys.Emails: body["email"] = text; break;
            case StandardFieldKeys.Urls: body["website"] = text; break;
            case StandardFieldKeys.Title: body["designation"] = text; break;
            case StandardFieldKeys.Note: body["description"] = text; break;
            case SalesmateFieldKeys.Currency: body["currency"] = text; break;
            case SalesmateFieldKeys.LinkedIn: body["linkedInHandle"] = text; break;
            case SalesmateFieldKeys.Twitter: body["twitterHandle"] = text; break;
            case SalesmateFieldKeys.Facebook: body["facebookHandle"] = text; break;
            case SalesmateFieldKeys.Skype: body["skypeId"] = text; break;
            case StandardFieldKeys.Phones: SetPhones(body, value); break;
            case StandardFieldKeys.Addresses: SetAddress(body, value); break;
            case StandardFieldKeys.Org:
                body["company"] = text is null ? null : await account.CompanyIdAsync(text, cancellationToken).ConfigureAwait(false);
                break;
            case SalesmateFieldKeys.Owner:
                body["owner"] = text is null ? null
                    : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var owner) ? owner
                    : throw new ValueRefusedException($"The owner '{text}' is not a Salesmate user id.");
                break;
            default:
                if (account.Field(key) is { Type: { } type } field)
                {
                    body[field.ApiName] = Custom(type, value);
                }

                break;
        }
    }

    private static JsonNode? Custom(FieldType type, FieldValue? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = Text(value);
        switch (type)
        {
            case FieldType.Number:
                return decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
            case FieldType.Boolean:
                return text == "true";
            case FieldType.MultipleChoice:
                return string.Join(';', Values.Parts((ScalarValue)value));
            case FieldType.Date:
                return PartialDate.TryParse(text, out var date)
                    ? new DateOnly(date.Year ?? ContactReader.NoYear, date.Month, date.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : text;
            default:
                return text;
        }
    }

    /// <summary>
    /// Phones into Salesmate's three properties by label (mobile; work or main into phone; the rest into other phone),
    /// the primary entry first so it keeps its place; an entry whose property is taken goes into the next free one, and
    /// entries beyond three are dropped (Salesmate holds three).
    /// </summary>
    private static void SetPhones(JsonObject body, FieldValue? value)
    {
        var slots = ContactReader.PhoneSlots.ToDictionary(s => s.Property, _ => (string?)null, StringComparer.Ordinal);
        var items = value switch
        {
            ListValue list => list.Items.Select(i => (i.Label, i.Value.Text)).ToList(),
            ScalarValue scalar => [(string.Empty, scalar.Text)],
            _ => [],
        };
        foreach (var (label, phone) in items)
        {
            var preferred = label.ToLowerInvariant() switch
            {
                "mobile" or "cell" => "mobile",
                "work" or "main" or "phone" or "" => "phone",
                _ => "otherPhone",
            };
            var slot = slots[preferred] is null ? preferred : ContactReader.PhoneSlots.Select(s => s.Property).FirstOrDefault(p => slots[p] is null);
            if (slot is not null)
            {
                slots[slot] = phone;
            }
        }

        foreach (var (property, phone) in slots)
        {
            body[property] = phone;
        }
    }

    private static void SetAddress(JsonObject body, FieldValue? value)
    {
        var parts = value is null ? new string[5] : Values.Parts(value is ListValue list ? list.Primary : (ScalarValue)value);
        string? Part(int i) => i < parts.Length && !string.IsNullOrWhiteSpace(parts[i]) ? parts[i] : null;
        var street = Part(0)?.Split('\n', 2);
        body["billingAddressLine1"] = street?[0];
        body["billingAddressLine2"] = street is { Length: 2 } ? street[1] : null;
        body["billingCity"] = Part(1);
        body["billingState"] = Part(2);
        body["billingZipCode"] = Part(3);
        body["billingCountry"] = Part(4);
    }

    private static string Text(FieldValue value) => value switch
    {
        ListValue list => list.Primary.Text,
        ScalarValue scalar => scalar.Text,
        _ => value.Canonical,
    };
}
