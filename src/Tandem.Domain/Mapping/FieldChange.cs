using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>Set one field of a record to a value, or clear it (<see cref="Value"/> null).</summary>
public sealed record FieldChange(string Key, FieldValue? Value);
