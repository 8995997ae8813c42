namespace Tandem.Domain.Fields;

/// <summary>
/// A non-empty value of one field, in canonical form. Two values are equal exactly when their
/// <see cref="Canonical"/> strings are equal, so formatting differences can never look like a change.
/// Empty values are not represented: an empty field is simply absent from a record.
/// </summary>
public abstract class FieldValue : IEquatable<FieldValue>
{
    private protected FieldValue()
    {
    }

    /// <summary>The type of the value (for a list, the type of its items).</summary>
    public abstract FieldType Type { get; }

    /// <summary>Lossless, canonical text of the value; the basis of comparison and storage.</summary>
    public abstract string Canonical { get; }

    public bool Equals(FieldValue? other) =>
        other is not null && other.Type == Type && other.GetType() == GetType() && other.Canonical == Canonical;

    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, Canonical);

    public override string ToString() => Canonical;
}
