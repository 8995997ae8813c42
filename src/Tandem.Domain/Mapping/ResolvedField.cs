using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>A mapping or filter key resolved against a schema: the real field and, for a virtual key, the part it names.</summary>
/// <param name="Key">The key as written in the mapping.</param>
/// <param name="Field">The real field the record holds.</param>
/// <param name="Part">The part of a compound field, or <see cref="CompoundPart.None"/>.</param>
internal sealed record ResolvedField(string Key, FieldDefinition Field, CompoundPart Part)
{
    /// <summary>The type of value the key names (a date for a range's start, text for a currency).</summary>
    public FieldType Type => Part switch
    {
        CompoundPart.Start or CompoundPart.End => FieldType.Date,
        CompoundPart.Currency => FieldType.Text,
        _ => Field.Type,
    };

    public bool IsList => Part == CompoundPart.None && Field.IsList;

    public bool IsReadOnly => Field.IsReadOnly;

    public string Label => Part switch
    {
        CompoundPart.Start => Field.Label + " (start)",
        CompoundPart.End => Field.Label + " (end)",
        CompoundPart.Currency => Field.Label + " (currency)",
        _ => Field.Label,
    };

    public IReadOnlyList<ChoiceOption> Options => Part == CompoundPart.None ? Field.Options : [];

    /// <summary>
    /// Resolves <paramref name="key"/>. Part suffixes are tried first, so a schema already expanded by
    /// <see cref="SchemaExpansion"/> resolves its virtual keys to the real field, never to a key the record lacks.
    /// </summary>
    public static ResolvedField? Resolve(AppSchema schema, string key)
    {
        if (TryPart(schema, key, SchemaExpansion.StartSuffix, FieldType.DateRange, CompoundPart.Start) is { } start)
        {
            return start;
        }

        if (TryPart(schema, key, SchemaExpansion.EndSuffix, FieldType.DateRange, CompoundPart.End) is { } end)
        {
            return end;
        }

        if (TryPart(schema, key, SchemaExpansion.CurrencySuffix, FieldType.Money, CompoundPart.Currency) is { } currency)
        {
            return currency;
        }

        return schema.Find(key) is { } field ? new ResolvedField(key, field, CompoundPart.None) : null;
    }

    private static ResolvedField? TryPart(AppSchema schema, string key, string suffix, FieldType type, CompoundPart part)
    {
        if (!key.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var field = schema.Find(key[..^suffix.Length]);
        return field is not null && field.Type == type && !field.IsList ? new ResolvedField(key, field, part) : null;
    }
}
