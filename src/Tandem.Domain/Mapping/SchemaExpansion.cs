using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// Adds the virtual parts of compound fields to a schema, so mappings and the UI can offer them:
/// a date range <c>x</c> gets <c>x/Start</c> and <c>x/End</c> (dates); a money field <c>x</c> gets
/// <c>x/Currency</c> (text) and, mapped to anything but money, <c>x</c> itself carries the amount.
/// Multiple choice needs no part: mapped to text it becomes one comma-separated value of labels.
/// </summary>
public static class SchemaExpansion
{
    public const string StartSuffix = "/Start";

    public const string EndSuffix = "/End";

    public const string CurrencySuffix = "/Currency";

    /// <summary>The schema with the virtual part fields added after the real ones (already present parts are kept once).</summary>
    public static AppSchema Expand(AppSchema schema)
    {
        var fields = new List<FieldDefinition>(schema.Fields);
        foreach (var field in schema.Fields)
        {
            if (field.IsList)
            {
                continue;
            }

            if (field.Type == FieldType.DateRange)
            {
                AddPart(fields, schema, field, StartSuffix, "start", FieldType.Date);
                AddPart(fields, schema, field, EndSuffix, "end", FieldType.Date);
            }
            else if (field.Type == FieldType.Money)
            {
                AddPart(fields, schema, field, CurrencySuffix, "currency", FieldType.Text);
            }
        }

        return new AppSchema(fields);
    }

    private static void AddPart(List<FieldDefinition> fields, AppSchema schema, FieldDefinition field, string suffix, string word, FieldType type)
    {
        var key = field.Key + suffix;
        if (schema.Find(key) is null)
        {
            fields.Add(new FieldDefinition(key, field.Label + " (" + word + ")", type)
            {
                IsReadOnly = field.IsReadOnly,
                IsCustom = field.IsCustom,
            });
        }
    }
}
