using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// Reads and writes one value of a record as canonical text of <see cref="ValueType"/>: a whole field,
/// a list's primary entry, or a part of a compound field. Writes touch only that value.
/// </summary>
internal abstract class FieldAccess
{
    protected FieldAccess(FieldDefinition field, FieldType valueType, string? region)
    {
        Field = field;
        ValueType = valueType;
        Region = region;
    }

    public FieldDefinition Field { get; }

    public string Key => Field.Key;

    public FieldType ValueType { get; }

    /// <summary>The account's default phone region, for canonicalising phone numbers.</summary>
    public string? Region { get; }

    /// <summary>What this access writes, for detecting two mappings filling the same thing.</summary>
    public virtual string ClaimKey => Field.Key;

    /// <summary>True when this access accepts fewer texts than its type does (a currency code), so partners must narrow theirs.</summary>
    public virtual bool NarrowsCanonicalForm => false;

    /// <summary>Its shared form is a whole list, whose entries' order does not make another value.</summary>
    public virtual bool SharesList => false;

    public abstract string? Read(ContactRecord record);

    /// <summary>The canonical form of <paramref name="text"/> for this access, or null when it cannot hold it.</summary>
    public virtual string? Canonicalise(string text) => Values.Create(ValueType, text, Region)?.Text;

    /// <summary>The changes that make the record hold <paramref name="value"/> (canonical), keeping everything else.</summary>
    public abstract IReadOnlyList<FieldChange> Write(string? value, ContactRecord? current);

    protected ScalarValue Create(FieldType type, string text) =>
        Values.Create(type, text, Region) ?? throw new ArgumentException($"'{text}' is not a valid {type} value for '{Key}'.", nameof(text));

    protected IReadOnlyList<FieldChange> Clear(ContactRecord? current) =>
        current?.Get(Key) is null ? [] : [new FieldChange(Key, null)];
}
