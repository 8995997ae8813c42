using Tandem.Domain.Fields;

namespace Tandem.Web.Services.Mappings;

/// <summary>One source field of a one-way feed and what it is matched with (PRODUCT.md §5, variable matching).</summary>
/// <param name="Source">The source field's key (<c>$name</c> for the name).</param>
/// <param name="SourceLabel">Its label.</param>
/// <param name="SourceType">Its value type; null for the name.</param>
/// <param name="Preview">Its value in one of the source account's first contacts, or null when none has one.</param>
/// <param name="Target">The matched target field's key, or null when unmatched (the field is not sent).</param>
/// <param name="TargetLabel">The matched target field's label, or null.</param>
/// <param name="IgnoreEmptyValues">An empty source value keeps what the target holds.</param>
/// <param name="Candidates">The target fields compatibility allows for this source field, in the target's order.</param>
/// <param name="Refused">Why the match cannot be used, or null.</param>
public sealed record VariableMatchingRow(
    string Source,
    string SourceLabel,
    FieldType? SourceType,
    string? Preview,
    string? Target,
    string? TargetLabel,
    bool IgnoreEmptyValues,
    IReadOnlyList<VariableMatchingTarget> Candidates,
    string? Refused)
{
    /// <summary>The green dot: matched with a target field that accepts it.</summary>
    public bool IsMatched => Target is not null && Refused is null;
}
