namespace Tandem.Domain.Mapping;

/// <summary>
/// A compiled value table of a tags mapping: side A tag name → side B tag name ("VIP" → "Key account"). A tag the
/// table does not name keeps its name on the other side. The shared form is side A's name; when several A tags are
/// renamed to one B tag, the smallest A name (ordinal) stands for all of them, and an A record holding any of them
/// reads as that one, so a many-to-one table can never ping-pong. Names are looked up with the row's comparer (without
/// case when either app ignores it).
/// </summary>
internal sealed class TagTranslation
{
    private readonly Dictionary<string, string> aToB;
    private readonly Dictionary<string, string> representativeOfB;

    public TagTranslation(IReadOnlyDictionary<string, string>? table, StringComparer? comparer = null)
    {
        aToB = new(comparer ?? StringComparer.Ordinal);
        representativeOfB = new(comparer ?? StringComparer.Ordinal);
        foreach (var (a, b) in (table ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var from = a.Trim();
            var to = b.Trim();
            if (from.Length > 0 && to.Length > 0)
            {
                aToB[from] = to;
                representativeOfB.TryAdd(to, from);
            }
        }
    }

    /// <summary>The shared name of a tag held on <paramref name="sideA"/> (else side B).</summary>
    public string Shared(bool sideA, string tag) => sideA
        ? aToB.TryGetValue(tag, out var renamed) ? representativeOfB[renamed] : tag
        : representativeOfB.GetValueOrDefault(tag, tag);

    /// <summary>The name a shared tag is written with on <paramref name="sideA"/> (else side B).</summary>
    public string Local(bool sideA, string shared) => sideA ? shared : aToB.GetValueOrDefault(shared, shared);
}
