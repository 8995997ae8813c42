using System.Globalization;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// Field changes as the columns of one object in a square-array write: Workbooks' text forms, <c>:null_value:</c> for a
/// cleared value, a list's primary entry where Workbooks holds one value, an address over its five location columns.
/// </summary>
internal static class PersonWriter
{
    public const string NoValue = ":no_value:";
    public const string NullValue = ":null_value:";

    public static Dictionary<string, string> Columns(IEnumerable<FieldChange> changes, PeopleSchema schema)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (!schema.ByKey.TryGetValue(change.Key, out var field) || field.Definition.IsReadOnly)
            {
                continue;
            }

            var scalar = change.Value switch
            {
                ScalarValue s => s,
                ListValue list => list.Primary,
                _ => null,
            };
            if (field.Definition.Type == FieldType.Address)
            {
                var parts = scalar is null ? [] : Values.Parts(scalar);
                for (var i = 0; i < field.Columns.Count; i++)
                {
                    columns[field.Columns[i]] = i < parts.Length && parts[i].Length > 0 ? parts[i] : NullValue;
                }

                continue;
            }

            columns[field.Column] = scalar is null ? NullValue : Text(field, scalar);
        }

        return columns;
    }

    /// <summary>Tags as a <c>tag_array</c> value: comma and space separated.</summary>
    public static string Tags(IEnumerable<string> tags) =>
        string.Join(", ", tags.Select(t => t.Replace(",", string.Empty, StringComparison.Ordinal).Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));

    private static string Text(SchemaField field, ScalarValue value)
    {
        switch (field.Definition.Type)
        {
            case FieldType.Date when field.Datatype == "date":
                return PartialDate.TryParse(value.Text, out var date) && date.Year is not null
                    ? WorkbooksFormats.Date(date)
                    : throw new ValueRefusedException($"Workbooks' field {field.Definition.Label} holds whole dates, and this one has no year.");
            case FieldType.DateTime:
                return DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
                    : throw new ValueRefusedException($"Workbooks' field {field.Definition.Label} needs a date and time.");
            case FieldType.MultipleChoice:
                return string.Join(", ", Values.Parts(value));
            default:
                return value.Text;
        }
    }
}
