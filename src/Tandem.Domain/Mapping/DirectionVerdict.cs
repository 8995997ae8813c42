using Tandem.Domain.Configuration;

namespace Tandem.Domain.Mapping;

/// <summary>The directions a field mapping may carry values, or why it cannot carry any.</summary>
/// <param name="Direction">The allowed direction, or null when the mapping is refused.</param>
/// <param name="Reason">Why the mapping is refused, or why it was narrowed to one way; null when it maps as asked.</param>
public sealed record DirectionVerdict(MappingDirection? Direction, string? Reason)
{
    public bool Allowed => Direction is not null;
}
