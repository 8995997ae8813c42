namespace Tandem.Domain.Mapping;

/// <summary>How values of one field become values of another.</summary>
public enum Conversion
{
    /// <summary>Values cannot flow.</summary>
    None,

    /// <summary>Same type: carried as they are.</summary>
    Same,

    /// <summary>Whole multi-valued lists of the same item type, matched by label and value.</summary>
    WholeList,

    /// <summary>Choice or owner fields, translated through the mapping's value table.</summary>
    ValueTable,

    /// <summary>Written as text (one way: text cannot be read back into the typed field).</summary>
    ToText,

    /// <summary>Text carried into an email, phone or URL field when it is a valid one (one way).</summary>
    TextToTyped,

    /// <summary>The amount of a money field with a number field (the currency is kept).</summary>
    MoneyAmount,
}
