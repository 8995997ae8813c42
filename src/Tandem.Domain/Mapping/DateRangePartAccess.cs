using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// The start or end date of a date range field. Writing one part keeps the other. A range needs both
/// ends, so a part written into a record without a range uses the same date for the missing end, and
/// writing an empty part clears the whole range (half a range cannot be stored).
/// </summary>
internal sealed class DateRangePartAccess(FieldDefinition field, CompoundPart part, string? region)
    : FieldAccess(field, FieldType.Date, region)
{
    public override string ClaimKey => Key + (part == CompoundPart.Start ? SchemaExpansion.StartSuffix : SchemaExpansion.EndSuffix);

    public override string? Read(ContactRecord record)
    {
        if (record.Get(Key) is not ScalarValue range)
        {
            return null;
        }

        var slash = range.Text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? null : part == CompoundPart.Start ? range.Text[..slash] : range.Text[(slash + 1)..];
    }

    public override IReadOnlyList<FieldChange> Write(string? value, ContactRecord? current)
    {
        if (value is null)
        {
            return Clear(current);
        }

        var other = current is null ? null : Other(current);
        var start = part == CompoundPart.Start ? value : other ?? value;
        var end = part == CompoundPart.End ? value : other ?? value;
        return [new FieldChange(Key, Create(FieldType.DateRange, start + "/" + end))];
    }

    private string? Other(ContactRecord record)
    {
        if (record.Get(Key) is not ScalarValue range)
        {
            return null;
        }

        var slash = range.Text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? null : part == CompoundPart.Start ? range.Text[(slash + 1)..] : range.Text[..slash];
    }
}
