using Tandem.Domain.Configuration;

namespace Tandem.Domain.Mapping;

/// <summary>What the three-way merge of a set decided for one element the two sides hold differently.</summary>
/// <param name="Element">The element (a shared tag name).</param>
/// <param name="Source">The side whose state of the element is kept: the other side is made to match.</param>
/// <param name="Present">Whether the element ends up in the set.</param>
/// <param name="Conflict">Both sides changed the element in opposite ways since the baseline; the winning app decided.</param>
public sealed record SetDecision(string Element, Side Source, bool Present, bool Conflict);
