namespace Tandem.Domain.Fields;

/// <summary>
/// Restores values from canonical text that Tandem itself stored. No re-normalisation happens (it would
/// cost a phone-number parse per value on every snapshot load), so only pass text that came from
/// <see cref="FieldValue.Canonical"/>.
/// </summary>
public static class CanonicalValue
{
    public static ScalarValue Restore(FieldType type, string canonical) => new(type, canonical);
}
