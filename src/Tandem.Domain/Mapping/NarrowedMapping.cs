using Tandem.Domain.Configuration;

namespace Tandem.Domain.Mapping;

/// <summary>A mapping that asked for two ways but compiles one way only, with the reason.</summary>
public sealed record NarrowedMapping(FieldMapping Mapping, MappingDirection Direction, string Reason);
