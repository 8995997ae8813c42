using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tandem.Sandbox.Wooxy;

/// <summary>
/// Applies one processed request to its list, contact by contact, into the request's <c>success</c> and <c>errors</c>:
/// a contact needs one of email, phoneNumber or userId; a phone must be E.164; a variable must exist on the list (a
/// date variable takes YYYY-MM-DD); an add of a contact the list already holds is refused; an update without
/// <c>upsert</c> of one it does not hold is refused.
/// </summary>
internal static partial class ContactWrites
{
    /// <summary>The contact properties the API takes besides its identifiers and variables.</summary>
    private static readonly string[] Properties =
    [
        "email", "phoneNumber", "userId", "name", "firstName", "lastName", "active", "emailSubscribe", "smsSubscribe",
        "desktopWebPushSubscribe", "mobileWebPushSubscribe", "telegramSubscribe", "viberSubscribe", "contactBirthday",
        "contactLanguage", "contactGender", "contactTimezone", "contactScore", "avatarLink", "facebookLink", "instagramLink",
        "linkedInLink", "twitterLink", "tiktokLink", "sourceId", "customerSourceId", "sourceName",
    ];

    public static void Apply(StoredList list, StoredRequest request, Func<string> newContactId, string now)
    {
        switch (request.Source)
        {
            case "contacts/add":
                foreach (var contact in request.Body["contacts"]!.AsArray().OfType<JsonObject>())
                {
                    Add(list, request, contact, newContactId, now);
                }

                break;
            case "contacts/update":
                var upsert = request.Body["upsert"] is JsonValue u && u.TryGetValue<bool>(out var up) && up;
                foreach (var contact in request.Body["contacts"]!.AsArray().OfType<JsonObject>())
                {
                    Update(list, request, contact, upsert, newContactId, now);
                }

                break;
            default:
                Remove(list, request);
                break;
        }
    }

    private static void Add(StoredList list, StoredRequest request, JsonObject contact, Func<string> newContactId, string now)
    {
        var (email, phone, userId) = (Text(contact, "email"), Text(contact, "phoneNumber"), Text(contact, "userId"));
        if (email is null && phone is null && userId is null)
        {
            Fail(request, contact, "CONTACT_IDENTIFIER_REQUIRED", "Contact must have at least one of the identifiers: userId, email, phoneNumber");
            return;
        }

        if (new[] { email, phone, userId }.Any(id => id is not null && list.Find(id) is not null))
        {
            Fail(request, contact, "CONTACT_ALREADY_EXISTS", "Contact already exists in the list");
            return;
        }

        var stored = new StoredContact(newContactId());
        if (Problem(list, contact) is { } problem)
        {
            Fail(request, contact, problem.Code, problem.Human);
            return;
        }

        Write(stored, contact);
        stored.Properties["createdAt"] = now;
        stored.Properties["updatedAt"] = now;
        list.Contacts.Add(stored);
        request.Success.Add(stored.Identity());
    }

    private static void Update(StoredList list, StoredRequest request, JsonObject contact, bool upsert, Func<string> newContactId, string now)
    {
        var identifier = Text(contact, "contact");
        var stored = identifier is null ? null : list.Find(identifier);
        if (stored is null)
        {
            if (upsert)
            {
                Add(list, request, contact, newContactId, now);
            }
            else
            {
                Fail(request, contact, "CONTACT_NOT_FOUND", "Contact not found in the list");
            }

            return;
        }

        if (Problem(list, contact) is { } problem)
        {
            Fail(request, contact, problem.Code, problem.Human, stored);
            return;
        }

        var changed = new StoredContact(stored.Id);
        foreach (var (key, value) in stored.Properties)
        {
            changed.Properties[key] = value?.DeepClone();
        }

        Write(changed, contact);
        if (changed.Email is null && changed.Phone is null && changed.UserId is null)
        {
            Fail(request, contact, "CONTACT_IDENTIFIER_REQUIRED", "Contact must have at least one of the identifiers: userId, email, phoneNumber", stored);
            return;
        }

        Write(stored, contact);
        stored.Properties["updatedAt"] = now;
        request.Success.Add(stored.Identity());
    }

    private static void Remove(StoredList list, StoredRequest request)
    {
        foreach (var (property, identity) in new[] { ("emails", "email"), ("phoneNumbers", "phone"), ("userIds", "userId") })
        {
            foreach (var identifier in (request.Body[property] as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>())
            {
                var stored = list.Find(identifier);
                if (stored is null)
                {
                    request.Errors.Add(new JsonObject { ["error"] = "CONTACT_NOT_FOUND", ["contact"] = new JsonObject { [identity] = identifier }, ["humanError"] = "Contact not found in the list" });
                    continue;
                }

                list.Contacts.Remove(stored);
                request.Success.Add(stored.Identity());
            }
        }
    }

    private static (string Code, string Human)? Problem(StoredList list, JsonObject contact)
    {
        if (Text(contact, "phoneNumber") is { } phone && !E164().IsMatch(phone))
        {
            return ("INVALID_PHONE_NUMBER", $"{phone} is not a valid E.164 phone number");
        }

        if (Text(contact, "email") is { } email && !email.Contains('@', StringComparison.Ordinal))
        {
            return ("INVALID_EMAIL", "Email is not valid");
        }

        if (Text(contact, "contactBirthday") is { } birthday && !IsDate(birthday))
        {
            return ("INVALID_BIRTHDAY", "contactBirthday must be in YYYY-MM-DD format");
        }

        foreach (var variable in (contact["variables"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Text(variable, "name") ?? string.Empty;
            if (!list.CustomVariables.TryGetValue(name, out var type))
            {
                return ("VARIABLE_NOT_FOUND", $"Variable {name} not found in list {list.Id}");
            }

            if (type == "date" && Text(variable, "value") is { } value && !IsDate(value))
            {
                return ("INVALID_VARIABLE_VALUE", $"Variable {name} must be in YYYY-MM-DD format");
            }

            if (type == "int" && Text(variable, "value") is { Length: > 0 } number && !long.TryParse(number, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return ("INVALID_VARIABLE_VALUE", $"Variable {name} must be an integer");
            }

            if (type == "bool" && Text(variable, "value") is { Length: > 0 } flag && flag is not ("true" or "false"))
            {
                return ("INVALID_VARIABLE_VALUE", $"Variable {name} must be true or false");
            }
        }

        return null;
    }

    private static void Write(StoredContact stored, JsonObject contact)
    {
        foreach (var property in Properties)
        {
            if (contact.ContainsKey(property))
            {
                stored.Properties[property] = contact[property]?.DeepClone();
            }
        }

        foreach (var variable in (contact["variables"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Text(variable, "name")!;
            if (Text(variable, "value") is { } value)
            {
                stored.Variables[name] = value;
            }
            else
            {
                stored.Variables.Remove(name);
            }
        }
    }

    private static void Fail(StoredRequest request, JsonObject contact, string code, string human, StoredContact? stored = null)
    {
        // The error names the contact by its identifiers: the stored contact's, else the ones the request gave (an
        // update's "contact" in the place its shape says).
        var named = Text(contact, "contact");
        var identity = stored?.Identity() ?? new JsonObject
        {
            ["email"] = Text(contact, "email") ?? (named?.Contains('@', StringComparison.Ordinal) == true ? named : null),
            ["phone"] = Text(contact, "phoneNumber") ?? (named?.StartsWith('+') == true ? named : null),
            ["userId"] = Text(contact, "userId") ?? (named is not null && !named.Contains('@', StringComparison.Ordinal) && !named.StartsWith('+') ? named : null),
        };
        request.Errors.Add(new JsonObject { ["error"] = code, ["contact"] = identity, ["humanError"] = human });
    }

    private static bool IsDate(string text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string? Text(JsonObject item, string property) =>
        item[property] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
