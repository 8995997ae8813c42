using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>A custom Contact field of the space: api name, label, Pipeliner type, Tandem type, and its data set (option id → label).</summary>
internal sealed record CustomField(string ApiName, string Name, string TypeId, FieldType Type, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Pipeliner's field types Tandem reads and writes, as Tandem types (others are left out of the schema).</summary>
    public static FieldType? TypeOf(string typeId) => typeId switch
    {
        "input" or "text_area" => FieldType.Text,
        "dropdown" or "radio" => FieldType.SingleChoice,
        "multiselect_checkbox" => FieldType.MultipleChoice,
        "checkbox" => FieldType.Boolean,
        "currency" or "integer" or "float" or "number" => FieldType.Number,
        "date" => FieldType.Date,
        "datetime" => FieldType.DateTime,
        "url" => FieldType.Url,
        "email" => FieldType.Email,
        "phone" => FieldType.Phone,
        _ => null,
    };

    /// <summary>The option id of a label, or null when the data set has none.</summary>
    public string? OptionId(string label) => Options.FirstOrDefault(o => string.Equals(o.Value, label, StringComparison.Ordinal)).Key;
}
