using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>Checks that every change names a vCard field and carries a value of that field's type.</summary>
internal static class VCardChangeValidator
{
    /// <summary>Null when every change can be written, else the reason (naming the field, never the value).</summary>
    public static string? Validate(IEnumerable<FieldChange> changes)
    {
        foreach (var change in changes)
        {
            var field = VCardSchema.Instance.Find(change.Key);
            if (field is null)
            {
                return $"A vCard has no field '{change.Key}'.";
            }

            var ok = change.Value switch
            {
                null => true,
                ListValue list => field.IsList && list.Type == field.Type,
                ScalarValue scalar => !field.IsList && scalar.Type == field.Type
                    && (field.Type != FieldType.Date || PartialDate.TryParse(scalar.Text, out _)),
                _ => false,
            };
            if (!ok)
            {
                var expected = field.IsList ? $"a list of {field.Type} values" : $"a {field.Type} value";
                return $"The field '{change.Key}' takes {expected}.";
            }
        }

        return null;
    }
}
