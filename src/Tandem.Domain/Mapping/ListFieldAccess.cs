using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// A whole multi-valued list; its shared form is <see cref="ListValue.PrimaryFirst"/> (the primary entry,
/// then the others sorted), compared without regard to which entry is primary (<see cref="ListValue.Unordered"/>).
/// </summary>
internal sealed class ListFieldAccess(FieldDefinition field, string? region) : FieldAccess(field, field.Type, region)
{
    public override string? Read(ContactRecord record) => record.Get(Key) switch
    {
        ListValue list => list.PrimaryFirst,
        ScalarValue scalar => new LabelledValue(string.Empty, scalar).Canonical,
        _ => null,
    };

    public override bool SharesList => true;

    // Shared list texts come from another list of the same item type and are canonical already.
    public override string? Canonicalise(string text) => text;

    public override IReadOnlyList<FieldChange> Write(string? value, ContactRecord? current)
    {
        if (value is null)
        {
            return Clear(current);
        }

        var merged = ListMerge.Merge(ValueType, current?.Get(Key) as ListValue, value, Region);
        return [new FieldChange(Key, merged)];
    }
}
