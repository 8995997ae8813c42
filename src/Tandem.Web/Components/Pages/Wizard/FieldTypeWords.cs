using Tandem.Domain.Fields;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>Field types as users name them.</summary>
public static class FieldTypeWords
{
    public static string Of(FieldType type) => type switch
    {
        FieldType.Text => "Text",
        FieldType.Number => "Number",
        FieldType.Boolean => "Yes/no",
        FieldType.Date => "Date",
        FieldType.DateTime => "Date and time",
        FieldType.DateRange => "Date range",
        FieldType.Money => "Money",
        FieldType.SingleChoice => "Single choice (a dropdown)",
        FieldType.MultipleChoice => "Multiple choice",
        FieldType.Email => "Email address",
        FieldType.Phone => "Phone number",
        FieldType.Url => "Web address",
        FieldType.Address => "Postal address",
        FieldType.OwnerReference => "Owner (a user of the app)",
        FieldType.Photo => "Photo",
        _ => type.ToString(),
    };

    public static bool IsChoice(FieldType type) => type is FieldType.SingleChoice or FieldType.MultipleChoice;
}
