using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>Applies field changes to a record in memory.</summary>
public static class RecordPatch
{
    /// <summary>
    /// The record with <paramref name="changes"/> applied (a null value removes the field). Rows writing
    /// parts of one field (a range's start and end, an amount and its currency) must each see the other's
    /// changes: compute the next row's <see cref="MappingRow.Write"/> against the patched record.
    /// </summary>
    public static ContactRecord Apply(ContactRecord record, IEnumerable<FieldChange> changes)
    {
        var fields = record.Fields.ToBuilder();
        var tags = record.Tags;
        foreach (var change in changes)
        {
            if (change.Key == TagsField.Key)
            {
                // The tags field's value is the record's whole tag set after the write.
                tags = change.Value is ScalarValue set ? [.. Values.Parts(set)] : [];
                tags = tags.WithComparer(StringComparer.Ordinal);
            }
            else if (change.Value is null)
            {
                fields.Remove(change.Key);
            }
            else
            {
                // Removed first: the builder keeps an equal old value, and lists are equal whichever entry is primary.
                fields.Remove(change.Key);
                fields[change.Key] = change.Value;
            }
        }

        return record with { Fields = fields.ToImmutable(), Tags = tags };
    }
}
