namespace Tandem.Web.Services.Mappings;

/// <summary>A target field a source field can be matched with.</summary>
/// <param name="Key">The target field's key.</param>
/// <param name="Label">Its label.</param>
/// <param name="Note">Why values pass one way only or are converted (a number written as text), or null.</param>
public sealed record VariableMatchingTarget(string Key, string Label, string? Note);
