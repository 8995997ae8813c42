namespace Tandem.Domain.Fields;

/// <summary>One entry of a multi-valued labelled list ("work" → an email, "mobile" → a phone).</summary>
/// <param name="Label">The entry's label in lower case, or empty when the app has none.</param>
/// <param name="Value">The entry's value.</param>
public sealed record LabelledValue(string Label, ScalarValue Value)
{
    /// <summary>Canonical text of the entry: label and value.</summary>
    public string Canonical => Label + "\u001F" + Value.Canonical;
}
