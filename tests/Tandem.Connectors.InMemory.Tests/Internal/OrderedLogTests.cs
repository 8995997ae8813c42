using Tandem.Connectors.InMemory.Internal;

namespace Tandem.Connectors.InMemory.Tests.Internal;

public sealed class OrderedLogTests
{
    [Fact]
    public void Compaction_drops_stale_entries_and_keeps_the_live_ones_in_order()
    {
        var live = new Dictionary<string, long>();
        var log = new OrderedLog(e => live.GetValueOrDefault(e.Id) == e.Key);
        for (long key = 1; key <= 5000; key++)
        {
            var id = "r" + (key % 7);
            if (live.ContainsKey(id))
            {
                live[id] = key;
                log.Append(key, id);
                log.MarkStale();
            }
            else
            {
                live[id] = key;
                log.Append(key, id);
            }
        }

        var taken = new List<LogEntry>();
        var more = log.Take(0, 100, include: null, taken);

        Assert.False(more);
        Assert.Equal(live.OrderBy(p => p.Value).Select(p => new LogEntry(p.Value, p.Key)), taken);
    }

    [Fact]
    public void Taking_from_a_key_starts_right_after_it_and_says_whether_more_follow()
    {
        var log = new OrderedLog(_ => true);
        foreach (var key in new long[] { 2, 4, 6, 8 })
        {
            log.Append(key, "r" + key);
        }

        var taken = new List<LogEntry>();
        var more = log.Take(4, 1, include: null, taken);

        Assert.True(more);
        Assert.Equal([new LogEntry(6, "r6")], taken);
    }
}
