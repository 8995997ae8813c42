namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>
/// The versions (<c>lastModifiedAt</c>) of the most recently modified contacts of the last version listing, at most
/// <see cref="Capacity"/> of them, so memory stays bounded however large the account. The contacts whose version moved
/// since the last run are nearly always among them: their changes can then be read with a search on
/// <c>lastModifiedAt</c> instead of one call each.
/// </summary>
internal sealed class RecentVersions
{
    public const int Capacity = 5000;

    private readonly SortedSet<(string Version, string Id)> newest = [];
    private readonly Dictionary<string, string> byId = new(StringComparer.Ordinal);

    public void Clear()
    {
        newest.Clear();
        byId.Clear();
    }

    public void Add(string id, string version)
    {
        if (byId.Remove(id, out var old))
        {
            newest.Remove((old, id));
        }

        newest.Add((version, id));
        byId[id] = version;
        if (newest.Count > Capacity)
        {
            var oldest = newest.Min;
            newest.Remove(oldest);
            byId.Remove(oldest.Id);
        }
    }

    /// <summary>The version a listing showed for <paramref name="id"/>, when it is among the newest.</summary>
    public string? Of(string id) => byId.GetValueOrDefault(id);
}
