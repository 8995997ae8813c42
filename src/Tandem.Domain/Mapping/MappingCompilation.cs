namespace Tandem.Domain.Mapping;

/// <summary>The outcome of <see cref="MappingCompiler.Compile"/>.</summary>
/// <param name="Mapping">The rows that compiled, and the matching email fields ("" when a side has none).</param>
/// <param name="Refused">Mappings left out, each with its reason.</param>
/// <param name="Narrowed">Mappings kept one way only, each with its reason.</param>
/// <param name="Problems">Problems with the connection as a whole (no email field to match by).</param>
public sealed record MappingCompilation(
    CompiledMapping Mapping,
    IReadOnlyList<RefusedMapping> Refused,
    IReadOnlyList<NarrowedMapping> Narrowed,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when contacts can be matched: both sides have an email field.</summary>
    public bool IsUsable => Problems.Count == 0;
}
