using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>
/// Pipeliner's validation of a Contact body (a create or an update), field by field, in its wording: <c>last_name</c> and
/// <c>owner_id</c> required on create (the Power Platform spec's <c>required</c>), relations to Clients and Sales Units
/// that must exist, emails that must look like one, custom values of their field's type and data set.
/// </summary>
internal static class ContactValidation
{
    /// <summary>Read-only properties a body may carry (a contact read and sent back) and that are ignored.</summary>
    public static readonly HashSet<string> ReadOnly = new(StringComparer.Ordinal) { "id", "created", "modified", "revision", "is_deleted", "formatted_name", "is_delete_protected" };

    private static readonly HashSet<string> Texts = new(StringComparer.Ordinal)
    {
        "title", "first_name", "middle_name", "last_name", "position", "address", "city", "state_province", "zip_code", "country",
        "comments", "quick_account_name", "phone1", "phone2", "phone3", "phone4", "phone5",
    };

    public static List<(string Field, string Message)> Check(JsonObject body, bool creating)
    {
        var errors = new List<(string, string)>();
        foreach (var (name, value) in body)
        {
            if (ReadOnly.Contains(name))
            {
                continue;
            }

            if (CheckOne(name, value) is { } problem)
            {
                errors.Add((name, $"[{name}] {problem}"));
            }
        }

        if (creating && string.IsNullOrWhiteSpace(Text(body["last_name"])))
        {
            errors.Add(("last_name", "[last_name] Field 'Last Name' is required!"));
        }
        else if (!creating && body.ContainsKey("last_name") && string.IsNullOrWhiteSpace(Text(body["last_name"])))
        {
            errors.Add(("last_name", "[last_name] Field 'Last Name' is required!"));
        }

        if (creating && !body.ContainsKey("owner_id"))
        {
            errors.Add(("owner_id", "[owner_id] Field 'Owner' is required!"));
        }

        return errors;
    }

    private static string? CheckOne(string name, JsonNode? value)
    {
        if (Texts.Contains(name))
        {
            return value is null || value.GetValueKind() == JsonValueKind.String ? null : "Value must be a string.";
        }

        if (name.StartsWith("email", StringComparison.Ordinal) && name.Length == 6 && name[5] is >= '1' and <= '5')
        {
            var email = Text(value);
            return value is not null && value.GetValueKind() != JsonValueKind.String ? "Value must be a string."
                : string.IsNullOrEmpty(email) || (email.IndexOf('@', StringComparison.Ordinal) > 0 && email.LastIndexOf('.') > email.IndexOf('@', StringComparison.Ordinal)) ? null
                : "Invalid email address!";
        }

        return name switch
        {
            "owner_id" => PipelinerDemoData.Clients.Any(c => c.Id == Text(value)) ? null : $"Relation Contact.owner_id={Text(value)} to Client doesn't exist!",
            "unit_id" => PipelinerDemoData.SalesUnits.Any(u => u.Id == Text(value)) ? null : $"Relation Contact.unit_id={Text(value)} to SalesUnit doesn't exist!",
            // "0 - Unknown, 1 - Male, 2 - Female, 3 - Non-binary" (the Contact schema of the Power Platform swagger).
            "gender" => value is JsonValue g && g.TryGetValue<int>(out var code) && code is >= 0 and <= 3 ? null : "Value must be one of 0, 1, 2, 3.",
            "is_unsubscribed" => value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : "Value must be a boolean.",
            "tags" => value is JsonArray tags && tags.All(t => t?.GetValueKind() == JsonValueKind.String) ? null : "Value must be a list of tags.",
            _ when name.StartsWith("cf_", StringComparison.Ordinal) => CheckCustom(name, value),
            _ => "Field doesn't exist!",
        };
    }

    private static string? CheckCustom(string name, JsonNode? value)
    {
        if (ContactFieldCatalog.FindCustom(name) is not { } field)
        {
            return "Field doesn't exist!";
        }

        if (value is null)
        {
            return null;
        }

        var kind = value.GetValueKind();
        var options = field.Options.Select(o => ContactFieldCatalog.OptionId(name, o)).ToHashSet(StringComparer.Ordinal);
        return field.Type switch
        {
            "input" or "text_area" => kind == JsonValueKind.String ? null : "Value must be a string.",
            "date" => kind == JsonValueKind.String && DateOnly.TryParseExact(Text(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "Invalid date, expected YYYY-MM-DD.",
            "datetime" => kind == JsonValueKind.String && DateTimeOffset.TryParse(Text(value), CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "Invalid date and time.",
            "dropdown" or "radio" => kind == JsonValueKind.String && options.Contains(Text(value)!) ? null : "Value is not an option of the field's data set.",
            "multiselect_checkbox" => value is JsonArray ids && ids.All(i => i?.GetValueKind() == JsonValueKind.String && options.Contains(Text(i)!)) ? null : "Values are not options of the field's data set.",
            "checkbox" => kind is JsonValueKind.True or JsonValueKind.False ? null : "Value must be a boolean.",
            "currency" => kind == JsonValueKind.Number ? null : "Value must be a number.",
            "integer" => kind == JsonValueKind.Number && value.GetValue<decimal>() == decimal.Truncate(value.GetValue<decimal>()) ? null : "Value must be a whole number.",
            _ => null,
        };
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
