namespace Tandem.Web.Services.Mappings;

/// <summary>One source field's match in a one-way feed, as the user chose it.</summary>
/// <param name="Source">The source field's key (<c>$name</c> for the name).</param>
/// <param name="Target">The target field's key, or null to leave the source field unmatched (not sent).</param>
/// <param name="IgnoreEmptyValues">An empty source value keeps what the target holds instead of blanking it.</param>
public sealed record VariableMatchingChoice(string Source, string? Target, bool IgnoreEmptyValues = false);
