using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>Builds the row for two resolved fields once compatibility has allowed a direction.</summary>
internal static class RowFactory
{
    public static MappingRow Create(
        FieldMapping mapping,
        MappingDirection direction,
        ResolvedField fieldA,
        ResolvedField fieldB,
        string? regionA,
        string? regionB,
        IReadOnlyDictionary<string, string> valueTable)
    {
        if (fieldA.Part == CompoundPart.None && fieldB.Part == CompoundPart.None && !fieldA.IsList && !fieldB.IsList
            && fieldA.Type == fieldB.Type && Compatibility.IsChoice(fieldA.Type))
        {
            return new ChoiceRow(mapping.RowKey, direction, fieldA.Field.Key, fieldB.Field.Key, fieldA.Type, new ChoiceTranslation(valueTable));
        }

        var a = Access(fieldA, fieldB, regionA);
        var b = Access(fieldB, fieldA, regionB);
        var (aToShared, bToShared) = direction switch
        {
            MappingDirection.AToB => (OneWay(a, b, regionA), null),
            MappingDirection.BToA => (null, OneWay(b, a, regionB)),
            _ => (BothWays(a, b, regionA), BothWays(b, a, regionB)),
        };

        return new FieldRow(mapping.RowKey, direction, a, b, aToShared, bToShared);
    }

    /// <summary>How <paramref name="field"/> is read and written when mapped with <paramref name="partner"/>.</summary>
    internal static FieldAccess Access(ResolvedField field, ResolvedField partner, string? region) => field.Part switch
    {
        CompoundPart.Start or CompoundPart.End => new DateRangePartAccess(field.Field, field.Part, region),
        CompoundPart.Currency => new MoneyCurrencyAccess(field.Field, region),

        // Money with anything but money is its amount ("x" keeps the amount, "x/Currency" the currency).
        _ when field.Type == FieldType.Money && partner.Type != FieldType.Money => new MoneyAmountAccess(field.Field, region),
        _ when field.IsList && partner.IsList => new ListFieldAccess(field.Field, region),
        _ when field.IsList => new PrimaryEntryAccess(field.Field, region),
        _ => new ScalarFieldAccess(field.Field, region),
    };

    /// <summary>
    /// For a row of one type both ways: a side whose partner accepts fewer texts (a currency code) reads
    /// in the partner's form, so both sides compare equal once written. Null (no conversion) otherwise.
    /// </summary>
    private static Func<string, string?>? Narrowing(FieldAccess partner) =>
        partner.NarrowsCanonicalForm ? partner.Canonicalise : null;

    /// <summary>
    /// Two ways, both sides read in one form: the same type needs at most narrowing; text paired with an
    /// email, phone or URL reads in that type's canonical form (invalid text reads as empty).
    /// </summary>
    private static Func<string, string?>? BothWays(FieldAccess side, FieldAccess partner, string? region) =>
        side.ValueType == partner.ValueType ? Narrowing(partner)
        : side.ValueType == FieldType.Text ? OneWay(side, partner, region)
        : null;

    /// <summary>Reads the source in the target's canonical form, converting when the types differ.</summary>
    private static Func<string, string?>? OneWay(FieldAccess source, FieldAccess target, string? sourceRegion)
    {
        if (source.ValueType == target.ValueType)
        {
            return Narrowing(target);
        }

        var convert = target.ValueType == FieldType.Text
            ? TextConversions.ToText(source)
            : source.ValueType == FieldType.Text ? TextConversions.FromText(target.ValueType, sourceRegion) : null;

        return raw =>
        {
            var text = convert is null ? raw : convert(raw);
            return text is null ? null : target.Canonicalise(text);
        };
    }
}
