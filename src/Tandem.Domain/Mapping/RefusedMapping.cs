using Tandem.Domain.Configuration;

namespace Tandem.Domain.Mapping;

/// <summary>A mapping that could not be compiled, with the reason in words a user understands.</summary>
public sealed record RefusedMapping(FieldMapping Mapping, string Reason);
