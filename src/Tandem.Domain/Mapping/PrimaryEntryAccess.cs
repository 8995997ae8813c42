using System.Collections.Immutable;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// The primary (first) entry of a multi-valued list, mapped with a single-valued field. Writing replaces
/// the primary entry's value, keeps its label and the other entries, and drops another entry that
/// already held the new value (no duplicates). Writing empty removes the primary entry only, so
/// clearing a single phone elsewhere never wipes the other phones; the next entry becomes primary.
/// </summary>
internal sealed class PrimaryEntryAccess(FieldDefinition field, string? region) : FieldAccess(field, field.Type, region)
{
    public override string? Read(ContactRecord record) => record.Get(Key) switch
    {
        ListValue list => list.Primary.Text,
        ScalarValue scalar => scalar.Text,
        _ => null,
    };

    public override IReadOnlyList<FieldChange> Write(string? value, ContactRecord? current)
    {
        var items = current?.Get(Key) switch
        {
            ListValue list => list.Items,
            ScalarValue scalar => [new LabelledValue(string.Empty, scalar)],
            _ => ImmutableArray<LabelledValue>.Empty,
        };

        var builder = ImmutableArray.CreateBuilder<LabelledValue>(items.Length + 1);
        if (value is not null)
        {
            builder.Add(new LabelledValue(items.IsEmpty ? string.Empty : items[0].Label, Create(ValueType, value)));
        }

        for (var i = 1; i < items.Length; i++)
        {
            if (items[i].Value.Text != value)
            {
                builder.Add(items[i]);
            }
        }

        if (builder.Count == 0)
        {
            return Clear(current);
        }

        return [new FieldChange(Key, new ListValue(ValueType, builder.ToImmutable()))];
    }
}
