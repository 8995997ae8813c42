using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>A whole single-valued field.</summary>
internal sealed class ScalarFieldAccess(FieldDefinition field, string? region) : FieldAccess(field, field.Type, region)
{
    public override string? Read(ContactRecord record) => record.Get(Key) switch
    {
        ScalarValue scalar => scalar.Text,

        // Tolerate a connector that delivers a list where the schema says single: its primary is the value.
        ListValue list => list.Primary.Text,
        _ => null,
    };

    public override IReadOnlyList<FieldChange> Write(string? value, ContactRecord? current) =>
        value is null ? Clear(current) : [new FieldChange(Key, Create(ValueType, value))];
}
