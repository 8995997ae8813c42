namespace Tandem.Domain.Mapping;

/// <summary>Which part of a compound field a mapping key names (PRODUCT.md §5, "compound fields expand").</summary>
public enum CompoundPart
{
    /// <summary>The whole field.</summary>
    None,

    /// <summary><c>&lt;field&gt;/Start</c> of a date range.</summary>
    Start,

    /// <summary><c>&lt;field&gt;/End</c> of a date range.</summary>
    End,

    /// <summary><c>&lt;field&gt;/Currency</c> of a money field.</summary>
    Currency,
}
