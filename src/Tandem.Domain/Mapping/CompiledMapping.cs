namespace Tandem.Domain.Mapping;

/// <summary>The field mappings of a connection, compiled against both apps' schemas.</summary>
/// <param name="Rows">The enabled rows, each with its effective direction.</param>
/// <param name="EmailFieldA">The field that holds side A's matching email.</param>
/// <param name="EmailFieldB">The field that holds side B's matching email.</param>
public sealed record CompiledMapping(IReadOnlyList<MappingRow> Rows, string EmailFieldA, string EmailFieldB);
