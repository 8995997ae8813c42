namespace Tandem.Domain.Fields;

/// <summary>
/// A single value of a scalar type. <see cref="Text"/> is already canonical: create instances through
/// <see cref="Values"/>, which normalises (lower-cased emails, E.164 phones, ISO dates, …).
/// </summary>
public sealed class ScalarValue : FieldValue
{
    internal ScalarValue(FieldType type, string text)
    {
        Type = type;
        Text = text;
    }

    public override FieldType Type { get; }

    /// <summary>The canonical text (see <see cref="Values"/> for each type's form).</summary>
    public string Text { get; }

    public override string Canonical => Text;
}
