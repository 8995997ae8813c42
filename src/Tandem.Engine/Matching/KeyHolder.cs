using Tandem.Domain.Configuration;

namespace Tandem.Engine.Matching;

/// <summary>A live record that holds a key some unlinked record holds.</summary>
/// <param name="Side">Its side.</param>
/// <param name="Id">Its id.</param>
/// <param name="Linked">It is already linked (it takes part in matching only as an obstacle).</param>
/// <param name="Keys">Its keys (see <see cref="MatchKey"/>); for a linked record, only the shared ones are needed.</param>
/// <param name="Stored">The verdict stored with it from the last matching, to tell what changed.</param>
public sealed record KeyHolder(Side Side, string Id, bool Linked, IReadOnlyList<string> Keys, MatchVerdict? Stored);
