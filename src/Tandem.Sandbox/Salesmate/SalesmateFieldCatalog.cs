using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Salesmate;

/// <summary>
/// The contact fields of the sandbox account: Salesmate's standard contact fields (the API names of the v4 contact
/// calls) and the custom fields an admin added, named <c>&lt;type&gt;CustomField&lt;n&gt;</c> as Salesmate names them.
/// </summary>
internal static class SalesmateFieldCatalog
{
    public static readonly IReadOnlyList<SalesmateField> Standard =
    [
        new("firstName", "First Name", "Text"),
        new("lastName", "Last Name", "Text"),
        new("email", "Email", "Email"),
        new("mobile", "Mobile", "Phone"),
        new("phone", "Phone", "Phone"),
        new("otherPhone", "Other Phone", "Phone"),
        new("company", "Company", "Lookup"),
        new("designation", "Designation", "Text"),
        new("website", "Website", "Url"),
        new("currency", "Currency", "Text"),
        new("owner", "Owner", "Lookup"),
        new("tags", "Tags", "Text"),
        new("linkedInHandle", "LinkedIn", "Text"),
        new("twitterHandle", "Twitter", "Text"),
        new("facebookHandle", "Facebook", "Text"),
        new("skypeId", "Skype", "Text"),
        new("billingAddressLine1", "Address Line 1", "Text"),
        new("billingAddressLine2", "Address Line 2", "Text"),
        new("billingCity", "City", "Text"),
        new("billingState", "State", "Text"),
        new("billingZipCode", "Zip Code", "Text"),
        new("billingCountry", "Country", "Text"),
        new("description", "Description", "TextArea"),
    ];

    /// <summary>The demo account's custom fields, one of each type.</summary>
    public static readonly IReadOnlyList<SalesmateField> Custom =
    [
        new("textCustomField1", "Nickname", "Text", IsCustom: true),
        new("textAreaCustomField1", "Background", "TextArea", IsCustom: true),
        new("decimalCustomField1", "Score", "Decimal", IsCustom: true),
        new("dateCustomField1", "Birthday", "Date", IsCustom: true),
        new("dateCustomField2", "Contract start", "Date", IsCustom: true),
        new("selectCustomField1", "Segment", "Select", IsCustom: true, ["Enterprise", "Mid-market", "SMB"]),
        new("multiSelectCustomField1", "Interests", "MultiSelect", IsCustom: true, ["Events", "Newsletter", "Webinars"]),
        new("checkboxCustomField1", "Newsletter opt-in", "Checkbox", IsCustom: true),
        new("urlCustomField1", "Portfolio", "Url", IsCustom: true),
    ];

    public static IEnumerable<SalesmateField> All => Standard.Concat(Custom);

    public static SalesmateField? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>The fields call's answer (<c>Data</c>): one object per field.</summary>
    public static JsonArray Describe() => new(All.Select(f => (JsonNode)new JsonObject
    {
        ["fieldName"] = f.Name,
        ["displayName"] = f.Label,
        ["type"] = f.Type,
        ["isCustomField"] = f.IsCustom,
        ["options"] = new JsonArray(f.Choices.Select(o => (JsonNode)JsonValue.Create(o)).ToArray()),
    }).ToArray());

    /// <summary>
    /// Checks a written value against its field's type and returns it as stored; throws Salesmate's validation error.
    /// Empty strings and null clear a field.
    /// </summary>
    public static JsonNode? Validate(SalesmateField field, JsonNode? value)
    {
        if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0))
        {
            return null;
        }

        var text = value is JsonValue scalar && scalar.TryGetValue<string>(out var t) ? t : null;
        switch (field.Type)
        {
            case "Decimal" or "Number":
                if (value is JsonValue n && (n.TryGetValue<decimal>(out _) || (text is not null && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _))))
                {
                    return value.DeepClone();
                }

                throw SalesmateApiException.Invalid($"{field.Label} must be a number.");
            case "Date":
                if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    return text;
                }

                throw SalesmateApiException.Invalid($"{field.Label} must be a date (yyyy-MM-dd).");
            case "Select":
                return text is not null && field.Choices.Contains(text) ? text : throw SalesmateApiException.Invalid($"{field.Label} has no option '{text}'.");
            case "MultiSelect":
                var parts = (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return parts.All(field.Choices.Contains) ? string.Join(';', parts) : throw SalesmateApiException.Invalid($"{field.Label} has an option that does not exist.");
            case "Checkbox":
                return value is JsonValue b && b.TryGetValue<bool>(out var flag) ? flag : throw SalesmateApiException.Invalid($"{field.Label} must be true or false.");
            default:
                return text ?? throw SalesmateApiException.Invalid($"{field.Label} must be text.");
        }
    }
}
