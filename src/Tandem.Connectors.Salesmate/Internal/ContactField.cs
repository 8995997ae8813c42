using Tandem.Domain.Fields;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>A custom contact field as the fields call lists it, with the canonical type Tandem reads it as.</summary>
internal sealed record ContactField(string ApiName, string Label, string SalesmateType, IReadOnlyList<string> Options)
{
    /// <summary>Salesmate's field types as Tandem's; null for a type Tandem does not sync (a lookup).</summary>
    public FieldType? Type => SalesmateType switch
    {
        "Text" or "TextArea" => FieldType.Text,
        "Email" => FieldType.Email,
        "Phone" => FieldType.Phone,
        "Url" => FieldType.Url,
        "Number" or "Decimal" => FieldType.Number,
        "Date" => FieldType.Date,
        "DateTime" => FieldType.DateTime,
        "Select" => FieldType.SingleChoice,
        "MultiSelect" => FieldType.MultipleChoice,
        "Checkbox" => FieldType.Boolean,
        _ => null,
    };

    /// <summary>
    /// The field's key: a date field labelled "Birthday" is the standard birthday (Salesmate has no birthday field, so
    /// accounts add one), any other <c>custom.&lt;API name&gt;</c>.
    /// </summary>
    public string Key => IsBirthday ? StandardFieldKeys.Birthday : SalesmateFieldKeys.CustomPrefix + ApiName;

    public bool IsBirthday => Type == FieldType.Date && string.Equals(Label.Trim(), "Birthday", StringComparison.OrdinalIgnoreCase);
}
