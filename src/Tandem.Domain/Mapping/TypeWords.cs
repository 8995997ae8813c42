using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>How field types are named in messages users read.</summary>
internal static class TypeWords
{
    /// <summary>A value of the type, as the subject of a sentence ("A number").</summary>
    public static string Value(FieldType type, bool isList) => isList ? "A list of " + Plural(type) : type switch
    {
        FieldType.Text => "Text",
        FieldType.Number => "A number",
        FieldType.Boolean => "A yes/no value",
        FieldType.Date => "A date",
        FieldType.DateTime => "A date and time",
        FieldType.DateRange => "A date range",
        FieldType.Money => "An amount of money",
        FieldType.SingleChoice => "A choice",
        FieldType.MultipleChoice => "A multiple choice",
        FieldType.Email => "An email address",
        FieldType.Phone => "A phone number",
        FieldType.Url => "A web address",
        FieldType.Address => "A postal address",
        FieldType.OwnerReference => "An owner",
        FieldType.Photo => "A photo",
        FieldType.Tags => "Tags",
        _ => "A value",
    };

    /// <summary>A field of the type, as an object ("a yes/no field").</summary>
    public static string Field(FieldType type, bool isList) => isList ? "a list of " + Plural(type) : type switch
    {
        FieldType.Text => "a text field",
        FieldType.Number => "a number field",
        FieldType.Boolean => "a yes/no field",
        FieldType.Date => "a date field",
        FieldType.DateTime => "a date-and-time field",
        FieldType.DateRange => "a date range field",
        FieldType.Money => "a money field",
        FieldType.SingleChoice => "a single-choice field",
        FieldType.MultipleChoice => "a multiple-choice field",
        FieldType.Email => "an email field",
        FieldType.Phone => "a phone field",
        FieldType.Url => "a web address field",
        FieldType.Address => "an address field",
        FieldType.OwnerReference => "an owner field",
        FieldType.Photo => "a photo field",
        FieldType.Tags => "tags",
        _ => "this field",
    };

    private static string Plural(FieldType type) => type switch
    {
        FieldType.Email => "email addresses",
        FieldType.Phone => "phone numbers",
        FieldType.Url => "web addresses",
        FieldType.Address => "postal addresses",
        FieldType.Date => "dates",
        FieldType.Number => "numbers",
        _ => "values",
    };
}
