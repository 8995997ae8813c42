namespace Tandem.Domain.Configuration;

/// <summary>One condition of a rule.</summary>
/// <param name="Kind">What is tested.</param>
/// <param name="Field">The field key, for the field conditions.</param>
/// <param name="Value">The value or tag compared with.</param>
public sealed record Filter(FilterKind Kind, string? Field = null, string? Value = null);
