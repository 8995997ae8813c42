namespace Tandem.Connectors.InMemory.Internal;

/// <summary>
/// An append-only list of (key, id) in ascending key order, read from any key onwards by binary
/// search. Entries go stale when a record is rewritten or removed; reads skip them and the log
/// compacts itself once stale entries outnumber live ones, so a page costs O(log n + page) amortised
/// and memory stays proportional to the live records — the benchmarks run 200,000 contacts through it.
/// </summary>
internal sealed class OrderedLog
{
    private const int CompactionFloor = 1024;

    private readonly Func<LogEntry, bool> isLive;
    private List<LogEntry> entries = [];
    private int stale;

    public OrderedLog(Func<LogEntry, bool> isLive)
    {
        this.isLive = isLive;
    }

    public void Append(long key, string id)
    {
        if (entries.Count > 0 && entries[^1].Key >= key)
        {
            throw new InvalidOperationException("Log keys must grow strictly.");
        }

        entries.Add(new LogEntry(key, id));
    }

    /// <summary>Notes that <paramref name="count"/> entries stopped being live (call after the owner's state changed).</summary>
    public void MarkStale(int count = 1)
    {
        stale += count;
        if (stale > CompactionFloor && stale > entries.Count / 2)
        {
            entries = entries.Where(isLive).ToList();
            stale = 0;
        }
    }

    /// <summary>
    /// Adds to <paramref name="into"/> up to <paramref name="max"/> live entries with a key above
    /// <paramref name="afterKey"/> that pass <paramref name="include"/>; returns true when more such entries follow.
    /// </summary>
    public bool Take(long afterKey, int max, Func<LogEntry, bool>? include, List<LogEntry> into)
    {
        var taken = 0;
        for (var i = FirstAbove(afterKey); i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!isLive(entry) || (include is not null && !include(entry)))
            {
                continue;
            }

            if (taken == max)
            {
                return true;
            }

            into.Add(entry);
            taken++;
        }

        return false;
    }

    private int FirstAbove(long key)
    {
        int low = 0, high = entries.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (entries[mid].Key <= key)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
