namespace Tandem.Domain.Mapping;

/// <summary>
/// A compiled value table. The shared value is expressed in side A's option ids. When several A options
/// map to one B option, the class of A options is represented by the smallest id (ordinal): an A record
/// holding any member reads as the representative, and writing the representative into a record that
/// already holds a member changes nothing — so a many-to-one table can never ping-pong.
/// </summary>
internal sealed class ChoiceTranslation
{
    private readonly Dictionary<string, string> representativeOfA = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> representativeOfB = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> aToB = new(StringComparer.Ordinal);

    public ChoiceTranslation(IReadOnlyDictionary<string, string> table)
    {
        foreach (var (a, b) in table.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            aToB[a] = b;
            representativeOfB.TryAdd(b, a);
        }

        foreach (var (a, b) in aToB)
        {
            representativeOfA[a] = representativeOfB[b];
        }
    }

    /// <summary>The shared id of side A's option <paramref name="aId"/>, or null when the table does not map it.</summary>
    public string? FromA(string aId) => representativeOfA.GetValueOrDefault(aId);

    /// <summary>The shared id of side B's option <paramref name="bId"/>, or null when no A option maps to it.</summary>
    public string? FromB(string bId) => representativeOfB.GetValueOrDefault(bId);

    /// <summary>Side B's option for a shared id, or null when the table does not map it.</summary>
    public string? ToB(string shared) => aToB.GetValueOrDefault(shared);

    /// <summary>The shared id a side's option reads as.</summary>
    public string? From(bool sideA, string id) => sideA ? FromA(id) : FromB(id);
}
