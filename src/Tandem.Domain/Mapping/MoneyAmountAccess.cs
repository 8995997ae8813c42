using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>The amount of a money field, mapped with a number or text field; writing it keeps the currency.</summary>
internal sealed class MoneyAmountAccess(FieldDefinition field, string? region) : FieldAccess(field, FieldType.Number, region)
{
    public override string ClaimKey => Key + "/Amount";

    public override string? Read(ContactRecord record)
    {
        if (record.Get(Key) is not ScalarValue money)
        {
            return null;
        }

        var space = money.Text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? money.Text : money.Text[..space];
    }

    public override IReadOnlyList<FieldChange> Write(string? value, ContactRecord? current)
    {
        if (value is null)
        {
            return Clear(current);
        }

        var currency = current is null ? null : MoneyCurrencyAccess.CurrencyOf(current.Get(Key));
        return [new FieldChange(Key, Create(FieldType.Money, currency is null ? value : value + " " + currency))];
    }
}
