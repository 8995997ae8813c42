using System.Text.Json.Nodes;
using Tandem.Connectors.Http;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Wooxy.Internal;

/// <summary>
/// A contact list's fields: Wooxy's default contact properties under Tandem's standard keys where one fits, and the
/// list's custom variables under <c>var.&lt;name&gt;</c> with their types (string as text, date as a date, datetime as a
/// date-time, int as a number, bool as yes/no). Channel flags and dates Wooxy keeps for itself are not mapped.
/// </summary>
internal static class WooxySchema
{
    public const string VariablePrefix = "var.";
    public const string UserId = "userId";

    /// <summary>The default properties Tandem maps: Wooxy's name, Tandem's key, label, type and role.</summary>
    public static readonly (string Property, string Key, string Label, FieldType Type, FieldRole Role)[] Properties =
    [
        ("email", StandardFieldKeys.Emails, "Email", FieldType.Email, FieldRole.Emails),
        ("phoneNumber", StandardFieldKeys.Phones, "Phone number", FieldType.Phone, FieldRole.Phones),
        ("userId", UserId, "User ID", FieldType.Text, FieldRole.None),
        ("firstName", StandardFieldKeys.FirstName, "First name", FieldType.Text, FieldRole.FirstName),
        ("lastName", StandardFieldKeys.LastName, "Last name", FieldType.Text, FieldRole.LastName),
        ("contactBirthday", StandardFieldKeys.Birthday, "Birthday", FieldType.Date, FieldRole.Birthday),
        ("contactLanguage", "contactLanguage", "Language", FieldType.Text, FieldRole.None),
        ("contactTimezone", "contactTimezone", "Time zone", FieldType.Text, FieldRole.None),
        ("contactScore", "contactScore", "Score", FieldType.Number, FieldRole.None),
        ("customerSourceId", "customerSourceId", "Customer source ID", FieldType.Text, FieldRole.None),
        ("facebookLink", "facebookLink", "Facebook link", FieldType.Url, FieldRole.None),
        ("instagramLink", "instagramLink", "Instagram link", FieldType.Url, FieldRole.None),
        ("linkedInLink", "linkedInLink", "LinkedIn link", FieldType.Url, FieldRole.None),
        ("twitterLink", "twitterLink", "Twitter link", FieldType.Url, FieldRole.None),
        ("tiktokLink", "tiktokLink", "TikTok link", FieldType.Url, FieldRole.None),
    ];

    /// <summary>The fields of a list, from <c>contact-list/get</c>'s <c>data</c>.</summary>
    public static AppSchema Of(JsonObject list)
    {
        var fields = Properties.Select(p => new FieldDefinition(p.Key, p.Label, p.Type) { Role = p.Role }).ToList();
        foreach (var variable in JsonFields.Items(list, "customVariables"))
        {
            if (JsonFields.Text(variable, "name") is { } name && TypeOf(JsonFields.Text(variable, "type")) is { } type)
            {
                fields.Add(new FieldDefinition(VariablePrefix + name, name, type) { IsCustom = true });
            }
        }

        return new AppSchema(fields);
    }

    /// <summary>Wooxy's variable type as a field type; null for a type Tandem does not map.</summary>
    public static FieldType? TypeOf(string? type) => type?.ToUpperInvariant() switch
    {
        "STRING" or "ENUM_STRING" => FieldType.Text,
        "DATE" or "ENUM_DATE" => FieldType.Date,
        "DATETIME" or "ENUM_DATETIME" => FieldType.DateTime,

        // Wooxy lists its default variables with these words too (contactScore int, active bool); a custom variable of
        // such a type is read the same way (the API creates only strings and dates, so these come from Wooxy's web app).
        "INT" or "INTEGER" or "ENUM_INT" or "FLOAT" or "NUMBER" => FieldType.Number,
        "BOOL" or "BOOLEAN" or "ENUM_BOOL" => FieldType.Boolean,
        _ => null,
    };
}
