using Tandem.Domain.Configuration;

namespace Tandem.Web.Services.Mappings;

/// <summary>One mapping row as compiled against both accounts' fields.</summary>
/// <param name="Mapping">The row as asked (fields, direction, on/off, value table).</param>
/// <param name="ALabel">The first app's field label (or "Name").</param>
/// <param name="BLabel">The second app's field label (or "Name").</param>
/// <param name="Direction">The direction values will flow, or null when the row is off or refused.</param>
/// <param name="Note">Why the row was narrowed to one way, or null.</param>
/// <param name="Refused">Why the row cannot map at all, or null.</param>
public sealed record MappingRowView(FieldMapping Mapping, string ALabel, string BLabel, MappingDirection? Direction, string? Note, string? Refused);
