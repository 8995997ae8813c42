using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// The currency of a money field (<c>x/Currency</c>), as an upper-case ISO 4217 code. Writing it keeps
/// the amount; a record with no amount cannot hold a currency, so nothing is written until the amount
/// arrives (the amount's row writes it; the next sync then adds the currency).
/// </summary>
internal sealed class MoneyCurrencyAccess(FieldDefinition field, string? region) : FieldAccess(field, FieldType.Text, region)
{
    public override string ClaimKey => Key + SchemaExpansion.CurrencySuffix;

    public override bool NarrowsCanonicalForm => true;

    public override string? Read(ContactRecord record) => CurrencyOf(record.Get(Key));

    public override string? Canonicalise(string text)
    {
        var code = text.Trim();
        return code.Length == 3 && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : null;
    }

    public override IReadOnlyList<FieldChange> Write(string? value, ContactRecord? current)
    {
        if (current?.Get(Key) is not ScalarValue money)
        {
            return [];
        }

        var space = money.Text.IndexOf(' ', StringComparison.Ordinal);
        var amount = space < 0 ? money.Text : money.Text[..space];
        return [new FieldChange(Key, Create(FieldType.Money, value is null ? amount : amount + " " + value))];
    }

    internal static string? CurrencyOf(FieldValue? value)
    {
        if (value is not ScalarValue money)
        {
            return null;
        }

        var space = money.Text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? null : money.Text[(space + 1)..];
    }
}
