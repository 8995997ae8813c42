using Tandem.Domain.Configuration;

namespace Tandem.Web.Services.Mappings;

/// <summary>A field of the other side that a chosen field can map to, and the directions compatibility allows.</summary>
/// <param name="Key">The other side's field key.</param>
/// <param name="Label">Its label.</param>
/// <param name="Direction">The widest direction allowed (in terms of sides A and B).</param>
/// <param name="Note">Why it is one way only, or null.</param>
public sealed record CompatibleField(string Key, string Label, MappingDirection Direction, string? Note);
